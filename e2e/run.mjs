// Browser tests: builds the app, starts the backend on a private port with a fresh
// SQLite directory, drives Debian's chromium through playwright-core, and stops
// everything it started, also on failure. Screenshots land in artifacts/e2e/.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.QP_E2E_PORT ?? 7017);
const baseUrl = `http://localhost:${port}`;
const artifacts = join(root, 'artifacts', 'e2e');
const chromiumPath = process.env.QP_CHROMIUM ?? '/usr/bin/chromium';
const only = process.argv.slice(2);
const apiToken = randomBytes(24).toString('hex');

const children = [];
function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function buildApp() {
  console.log('e2e: building the frontend');
  execFileSync('yarn', ['workspace', 'app', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function startBackend(extraEnv = {}) {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'qp-e2e-sqlite-'));
  const log = [];
  // The backend's own sources through Backstage's transform, without `package start`'s file
  // watcher: a test run must not restart because someone edits a file meanwhile.
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
    ],
    {
      cwd: join(root, 'packages', 'backend'),
      detached: true, // own process group, so stopAll() reaches the whole tree
      env: {
        ...process.env,
        NODE_ENV: 'development',
        QP_SQLITE_DIR: sqliteDir,
        QP_API_TOKEN: apiToken,
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_app_baseUrl: baseUrl,
        APP_CONFIG_backend_cors_origin: baseUrl,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk => log.push(chunk.toString()));
  }
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) return { log, sqliteDir };
    } catch {
      /* not listening yet */
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  console.error(log.join('').split('\n').slice(-80).join('\n'));
  throw new Error(`backend did not become ready on ${baseUrl}`);
}

// The catalog ingests its locations shortly after start; scenarios expect them in.
async function waitForCatalog() {
  // The portal's own file location and the example box's provider both have to be in.
  const wanted = [
    'component/default/quadlet-portal',
    'component/sodimo/piler',
    'decision/sodimo/d-097',
  ];
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const found = await Promise.all(
      wanted.map(async ref => {
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-name/${ref}`,
          {
            headers: { Authorization: `Bearer ${apiToken}` },
          },
        );
        return res.ok;
      }),
    );
    if (found.every(Boolean)) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `the catalog did not ingest ${wanted.join(', ')} within 180 s`,
  );
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  if (!process.env.QP_E2E_SKIP_BUILD) buildApp();
  const scenarioDir = join(root, 'e2e', 'scenarios');
  const files = readdirSync(scenarioDir)
    .filter(f => f.endsWith('.e2e.mjs'))
    .filter(f => only.length === 0 || only.some(o => f.includes(o)))
    .sort();
  const scenarios = [];
  for (const file of files) {
    scenarios.push({
      file,
      module: await import(pathToFileURL(join(scenarioDir, file)).href),
    });
  }
  // A scenario may export setup(): what it needs before the backend starts (a registry, a
  // scratch repository), as backend environment, and a teardown run at the end.
  const extraEnv = {};
  const teardowns = [];
  try {
    for (const { module } of scenarios) {
      const prepared = module.setup ? await module.setup({ root }) : undefined;
      Object.assign(extraEnv, prepared?.env);
      if (prepared?.teardown) teardowns.push(prepared.teardown);
    }
    await runScenarios(scenarios, extraEnv);
  } finally {
    for (const teardown of teardowns)
      await teardown().catch(error => console.error(error));
  }
}

async function runScenarios(scenarios, extraEnv) {
  const backend = await startBackend(extraEnv);
  await waitForCatalog();
  console.log(`e2e: backend ready on ${baseUrl}`);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const { file, module: scenario } of scenarios) {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const name = file.replace(/\.e2e\.mjs$/, '');
      try {
        await scenario.default({ page, baseUrl, artifacts, name, apiToken });
        passed++;
        console.log(`  ✓ ${name}`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${name}\n${error?.stack ?? error}`);
        await page
          .screenshot({
            path: join(artifacts, `${name}.failure.png`),
            fullPage: true,
          })
          .catch(() => {});
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    stopAll();
    rmSync(backend.sqliteDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  stopAll();
  process.exit(1);
});
