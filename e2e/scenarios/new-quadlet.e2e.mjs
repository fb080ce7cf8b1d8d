// The "new quadlet" wizard runs to completion on a copy of the example box: the image is
// pinned by digest through a real registry (Debian's docker-registry on loopback, with one
// image pushed through the registry API), the result is committed to a new branch of a
// scratch git repository, and the box on that branch scans with no new error.
//
// setup() runs before the backend starts: it starts the registry, copies examples/sodimo
// into a scratch repository (the example box itself is never written to), and points the
// backend's local root (quadletPortal.scaffolder.localRoot) at it.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { signInAsGuest } from '../signIn.mjs';

const REGISTRY_BIN = '/usr/bin/docker-registry';
const BOX = 'examples/sodimo';
const Q = `${BOX}/dotfiles/home/dot_config/containers/systemd`;
const state = {};

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'e2e',
      GIT_AUTHOR_EMAIL: 'e2e@example.org',
      GIT_COMMITTER_NAME: 'e2e',
      GIT_COMMITTER_EMAIL: 'e2e@example.org',
    },
  }).trim();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sha256 = bytes =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function expectStatus(response, status, what) {
  if (response.status !== status)
    throw new Error(
      `${what}: HTTP ${response.status} ${await response.text()}`,
    );
  await response.body?.cancel();
}

async function pushBlob(baseUrl, repository, bytes) {
  const digest = sha256(bytes);
  const start = await fetch(`${baseUrl}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
  });
  const location = new URL(start.headers.get('location'), baseUrl);
  await expectStatus(start, 202, 'starting an upload');
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    body: bytes,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  await expectStatus(put, 201, `uploading ${digest}`);
  return digest;
}

async function pushManifest(baseUrl, repository, reference, document) {
  const bytes = Buffer.from(JSON.stringify(document));
  const put = await fetch(
    `${baseUrl}/v2/${repository}/manifests/${reference ?? sha256(bytes)}`,
    {
      method: 'PUT',
      headers: { 'Content-Type': document.mediaType },
      body: bytes,
    },
  );
  await expectStatus(put, 201, `putting ${repository}`);
  return {
    mediaType: document.mediaType,
    digest: sha256(bytes),
    size: bytes.length,
  };
}

/** A one-platform image under an OCI index, the shape multi-arch images have; the index digest. */
async function pushImage(baseUrl, repository, tag) {
  const layer = Buffer.from('hello from the e2e image\n');
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      config: {},
    }),
  );
  const manifest = await pushManifest(baseUrl, repository, undefined, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: await pushBlob(baseUrl, repository, config),
      size: config.length,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: await pushBlob(baseUrl, repository, layer),
        size: layer.length,
      },
    ],
  });
  const index = await pushManifest(baseUrl, repository, tag, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { ...manifest, platform: { os: 'linux', architecture: 'amd64' } },
    ],
  });
  return index.digest;
}

async function startRegistry(dir) {
  if (!existsSync(REGISTRY_BIN)) {
    throw new Error(
      `${REGISTRY_BIN} is missing: install the Debian package docker-registry`,
    );
  }
  const port = await freePort();
  const config = join(dir, 'registry.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${JSON.stringify(join(dir, 'registry-data'))}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  const child = spawn(REGISTRY_BIN, ['serve', config], { stdio: 'ignore' });
  const kill = () => child.exitCode === null && child.kill('SIGTERM');
  process.on('exit', kill);
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/v2/`);
      if (res.ok) return { host: `127.0.0.1:${port}`, baseUrl, kill };
    } catch {
      /* not listening yet */
    }
    await new Promise(r => setTimeout(r, 50));
  }
  kill();
  throw new Error('docker-registry did not start');
}

export async function setup({ root }) {
  const dir = mkdtempSync(join(tmpdir(), 'qp-e2e-new-quadlet-'));
  state.dir = dir;
  const registry = await startRegistry(dir);
  state.registry = registry;
  state.image = `${registry.host}/e2e/hello:1.0`;
  state.digest = await pushImage(registry.baseUrl, 'e2e/hello', '1.0');

  // The scratch repository is shaped like this one, so the template's default paths fit it.
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'examples'), { recursive: true });
  cpSync(join(root, BOX), join(repo, BOX), { recursive: true });
  // One unit on the loopback registry, for the image-bump wizard to pin.
  writeFileSync(
    join(repo, Q, 'hello.container'),
    [
      '# e2e: an image the bump wizard pins.',
      '[Unit]',
      'Description=e2e hello',
      '',
      '[Container]',
      'ContainerName=hello',
      `Image=${state.image}`,
      'Network=sodimo.network',
      '',
      '[Install]',
      'WantedBy=sodimo.target',
      '',
    ].join('\n'),
  );
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'the example box');
  state.repo = repo;
  state.base = git(repo, 'rev-parse', 'HEAD');
  state.root = root;
  return {
    env: {
      APP_CONFIG_quadletPortal_scaffolder_localRoot: repo,
      ...templateLocationEnv(root),
    },
    teardown: async () => {
      registry.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The template's catalog location, for a backend whose app-config.yaml does not list it yet
 * (the catalog API accepts only url locations, so it goes in through config).
 */
function templateLocationEnv(root) {
  const config = parse(readFileSync(join(root, 'app-config.yaml'), 'utf8'));
  const locations = config?.catalog?.locations ?? [];
  const missing = ['new-quadlet', 'bump-image']
    .map(t => `templates/${t}/template.yaml`)
    .filter(t => !locations.some(l => String(l.target).endsWith(t)))
    .map(t => ({
      type: 'file',
      target: `../../${t}`,
      rules: [{ allow: ['Template'] }],
    }));
  return missing.length === 0
    ? {}
    : {
        APP_CONFIG_catalog_locations: JSON.stringify([
          ...locations,
          ...missing,
        ]),
      };
}

async function waitForTemplate(baseUrl, apiToken, template) {
  const headers = { Authorization: `Bearer ${apiToken}` };
  const url = `${baseUrl}/api/catalog/entities/by-name/template/default/${template}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if ((await fetch(url, { headers })).ok) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the ${template} template did not reach the catalog within 120 s`,
  );
}

/** Error diagnostics of the box as `scan` prints them, for the tree of `ref` in the scratch repo. */
function scanErrors(ref) {
  const out = mkdtempSync(join(state.dir, 'scan-'));
  const archive = execFileSync('git', ['archive', '--format=tar', ref, BOX], {
    cwd: state.repo,
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', out], { input: archive });
  const json = execFileSync(
    process.execPath,
    [
      join(state.root, 'packages/cli/bin/quadlet-portal'),
      'scan',
      join(out, BOX),
      '--format',
      'json',
      '--no-commits',
    ],
    { cwd: state.root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  const inventory = JSON.parse(json);
  return {
    units: inventory.units.map(u => u.name),
    errors: inventory.diagnostics
      .filter(d => d.severity === 'error')
      .map(d => `${d.tree}:${d.file}: ${d.message} [${d.code}]`),
  };
}

/** After "Create": waits on the task page until the task has ended. */
async function waitForTaskPage(page, baseUrl, apiToken) {
  await page.waitForURL(/\/create\/tasks\//);
  const taskId = page.url().split('/create/tasks/')[1].split(/[?#/]/)[0];
  await waitForTask(baseUrl, apiToken, taskId);
}

/** Waits for a scaffolder task to end; a failed one throws with the log lines that say why. */
async function waitForTask(baseUrl, apiToken, taskId) {
  const headers = { Authorization: `Bearer ${apiToken}` };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const task = await (
      await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${taskId}`, { headers })
    ).json();
    if (task.status === 'completed') return;
    if (task.status === 'failed' || task.status === 'cancelled') {
      const events = await (
        await fetch(`${baseUrl}/api/scaffolder/v2/tasks/${taskId}/events`, {
          headers,
        })
      ).json();
      const log = events
        .map(e => e.body?.message)
        .filter(Boolean)
        .slice(-15)
        .join('\n');
      throw new Error(`the scaffolder task ${task.status}:\n${log}`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`the scaffolder task ${taskId} did not end within 180 s`);
}

export default async function newQuadletWizard({
  page,
  baseUrl,
  artifacts,
  name,
  apiToken,
}) {
  await waitForTemplate(baseUrl, apiToken, 'new-quadlet');
  const exampleBefore = git(state.root, 'status', '--porcelain', '--', BOX);

  await page.goto(`${baseUrl}/create/templates/default/new-quadlet`);
  await signInAsGuest(page);
  const next = () => page.getByRole('button', { name: 'Next' }).click();

  // Basics: the local defaults point at examples/sodimo in the scratch repository.
  await page.getByLabel('Unit name').fill('wiki');
  await page.getByLabel('Description').fill('Team wiki');
  await next();
  // Image: a tag; the portal pins it by digest.
  await page.getByLabel('Image', { exact: false }).first().fill(state.image);
  await next();
  // Ports and volumes (three lists on the page: ports, volumes, variables).
  const add = page.getByRole('button', { name: 'Add Item' });
  await add.nth(0).click();
  await page.getByLabel('Host port (or range 8000-8010)').fill('8095');
  await page.getByLabel('Container port (or range)').fill('3000');
  await add.nth(1).click();
  await page.getByLabel('Volume name').fill('data');
  await page.getByLabel('Path in the container').fill('/data');
  await add.nth(2).click();
  await page.locator('input[id$="environment_0"]').fill('WIKI_SECRET');
  await next();
  // Routing.
  await page.getByLabel('Public hostname (optional)').fill('wiki.sodimo.eu');
  await next();
  // Review: the list of files, then the confirmation.
  await page
    .getByText(
      'An existing unit, volume, file, hostname or published port is never overwritten.',
      { exact: false },
    )
    .waitFor();
  await page
    .getByLabel('Write these files and propose them for review')
    .check();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.screenshot({
    path: join(artifacts, `${name}.review.png`),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Create' }).click();

  // The task runs on the backend; its page shows the outputs once every step has run.
  await waitForTaskPage(page, baseUrl, apiToken);
  await page.getByRole('heading', { name: 'Where to review it' }).waitFor();
  await page
    .locator('code', { hasText: /^quadlet\/new-wiki-[0-9a-f]{8}$/ })
    .first()
    .waitFor();
  await page.screenshot({
    path: join(artifacts, `${name}.png`),
    fullPage: true,
  });

  // The new branch holds the unit set, pinned by digest, and the ingress rule.
  const branches = git(
    state.repo,
    'branch',
    '--list',
    'quadlet/new-wiki-*',
    '--format=%(refname:short)',
  );
  if (branches.split('\n').filter(Boolean).length !== 1)
    throw new Error(`expected one new branch, found: ${branches || 'none'}`);
  const branch = branches.trim();
  const changed = git(state.repo, 'diff', '--name-status', state.base, branch)
    .split('\n')
    .sort();
  const expected = [
    `A\t${BOX}/dotfiles/home/dot_config/caddy/routes/wiki.caddy`,
    `A\t${Q}/wiki-data.volume`,
    `A\t${Q}/wiki.container`,
    `A\t${BOX}/dotfiles/home/dot_config/sodimo/wiki.env.tmpl`,
    `M\t${BOX}/harness/mkosi.extra/etc/cloudflared/config.yml`,
  ].sort();
  if (JSON.stringify(changed) !== JSON.stringify(expected)) {
    throw new Error(
      `the branch changes\n${changed.join('\n')}\ninstead of\n${expected.join(
        '\n',
      )}`,
    );
  }
  const unit = git(state.repo, 'show', `${branch}:${Q}/wiki.container`);
  for (const line of [
    `Image=${state.image}@${state.digest}`,
    'PublishPort=127.0.0.1:8095:3000',
    'Volume=wiki-data.volume:/data',
    'EnvironmentFile=%h/.config/sodimo/wiki.env',
  ]) {
    if (!unit.split('\n').includes(line))
      throw new Error(`wiki.container lacks "${line}":\n${unit}`);
  }
  const ingress = git(
    state.repo,
    'show',
    `${branch}:${BOX}/harness/mkosi.extra/etc/cloudflared/config.yml`,
  );
  if (
    !ingress.includes(
      '  - hostname: wiki.sodimo.eu\n    service: http://127.0.0.1:80\n',
    )
  ) {
    throw new Error(
      `the cloudflared config has no rule for wiki.sodimo.eu:\n${ingress}`,
    );
  }

  // The scratch checkout and its branch are as they were; the example box was never written.
  if (
    git(state.repo, 'rev-parse', 'HEAD') !== state.base ||
    git(state.repo, 'symbolic-ref', 'HEAD') !== 'refs/heads/main'
  ) {
    throw new Error('the checked-out branch of the scratch repository moved');
  }
  if (git(state.repo, 'status', '--porcelain') !== '')
    throw new Error('the scratch working tree changed');
  if (git(state.root, 'status', '--porcelain', '--', BOX) !== exampleBefore)
    throw new Error('examples/sodimo changed');

  // The box on the new branch reads with the new unit and no error the base did not have.
  const before = scanErrors(state.base);
  const after = scanErrors(branch);
  if (!after.units.includes('wiki.container'))
    throw new Error('scan does not see wiki.container on the branch');
  const added = after.errors.filter(e => !before.errors.includes(e));
  if (added.length > 0)
    throw new Error(`the branch brings new errors:\n${added.join('\n')}`);

  await bumpFromPrefilledForm({ page, baseUrl, artifacts, name, apiToken });
}

/**
 * The image-bump wizard opened the way a scorecard finding links to it, with the form filled
 * from the query string: it pins hello.container's tag to its digest on a new branch, and the
 * Image= line is the only line that changes.
 */
async function bumpFromPrefilledForm({
  page,
  baseUrl,
  artifacts,
  name,
  apiToken,
}) {
  await waitForTemplate(baseUrl, apiToken, 'bump-image');
  const formData = encodeURIComponent(
    JSON.stringify({ box: 'sodimo', unit: 'hello' }),
  );
  await page.goto(
    `${baseUrl}/create/templates/default/bump-image?formData=${formData}`,
  );
  const unit = page.getByLabel('Unit (optional)');
  await unit.waitFor();
  if ((await unit.inputValue()) !== 'hello')
    throw new Error('the bump form was not filled from the query string');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await waitForTaskPage(page, baseUrl, apiToken);
  // The second output is the pull-request title; its body opens from its button.
  await page
    .getByRole('button', {
      name: 'Pin the hello.container image to its digest',
    })
    .click();
  await page
    .getByText('image-not-digest-pinned', { exact: false })
    .first()
    .waitFor();
  await page.screenshot({
    path: join(artifacts, `${name}.bump.png`),
    fullPage: true,
  });

  const branch = git(
    state.repo,
    'branch',
    '--list',
    'quadlet/bump-hello-*',
    '--format=%(refname:short)',
  ).trim();
  if (!branch) throw new Error('no quadlet/bump-hello-* branch');
  const diff = git(state.repo, 'diff', '--unified=0', state.base, branch)
    .split('\n')
    .filter(l => /^[-+][^-+]/.test(l));
  const expected = [
    `-Image=${state.image}`,
    `+Image=${state.image}@${state.digest}`,
  ];
  if (JSON.stringify(diff) !== JSON.stringify(expected)) {
    throw new Error(
      `the bump changed\n${diff.join('\n')}\ninstead of only the Image= line`,
    );
  }
}
