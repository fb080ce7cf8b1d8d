import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBox, readBoxFromDirectories } from '../inventory';
import type { Inventory } from '../inventory/types';
import { handoffEntryOf } from './anchors';
import { findingsOf, readExample } from './__fixtures__/sodimoBox';
import { generateHandoffGuide, handoffGuidePage } from './generateHandoffGuide';
import type { HandoffGuide, HandoffGuideOptions } from './types';

const SODIMO = path.resolve(__dirname, '../../../../examples/sodimo');
const REPO = path.resolve(SODIMO, '../..');
const readSodimo = () => readExample(SODIMO);
/** Where the committed example guide lives, and so what its relative links start from. */
const OUT = path.join(REPO, 'docs/examples/sodimo');

let inventory: Inventory;
let options: HandoffGuideOptions;
let guide: HandoffGuide;

beforeAll(async () => {
  inventory = await readSodimo();
  options = {
    box: 'sodimo',
    trees: inventory.trees.map(t => ({ name: t.name, relativeBase: `${path.relative(OUT, t.location!)}/` })),
    findings: findingsOf(inventory),
  };
  guide = generateHandoffGuide(inventory, options);
});

const fileText = (p: string) => guide.files.find(f => f.path === p)?.content ?? '';
const anchorsIn = (markdown: string) => new Set([...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map(m => m[1]));
const linksIn = (markdown: string) => [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]);

describe('generateHandoffGuide', () => {
  it('gives byte-identical output for the same box, read twice', async () => {
    const again = generateHandoffGuide(await readSodimo(), { ...options, findings: findingsOf(await readSodimo()) });
    expect(again).toEqual(guide);
    expect(JSON.stringify(again)).toBe(JSON.stringify(guide));
  });

  it('lays the guide out as a README, one file per service and one per topic', () => {
    const paths = guide.files.map(f => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths.filter(p => !p.startsWith('services/'))).toEqual([
      'README.md',
      'decisions.md',
      'hostnames.md',
      'kernel-args.md',
      'known-broken.md',
      'models.md',
      'resources.md',
      'upgrade.md',
    ]);
    // 20 quadlet containers and the 6 plain services and timers the box defines in full.
    expect(paths.filter(p => p.startsWith('services/'))).toHaveLength(26);
    expect(paths).toContain('services/piler.md');
    expect(paths).toContain('services/sodiwin-etl.timer.md');
    for (const file of guide.files) {
      expect(file.content.endsWith('\n')).toBe(true);
      expect(file.content.endsWith('\n\n')).toBe(false);
      expect(file.content).not.toMatch(/[ \t]$/m);
      expect(file.content).not.toMatch(/\n{3}/);
    }
  });

  it('links every guide anchor to a file and an anchor that exist, and every source link to a file on disk', () => {
    const anchors = new Map(guide.files.map(f => [f.path, anchorsIn(f.content)]));
    const broken: string[] = [];
    let guideLinks = 0;
    let sourceLinks = 0;
    for (const file of guide.files) {
      for (const target of linksIn(file.content).filter(t => !/^https?:/.test(t))) {
        const [rel, hash] = target.split('#');
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), rel || path.posix.basename(file.path)));
        const inGuide = anchors.get(resolved);
        if (inGuide) guideLinks++;
        else sourceLinks++;
        // A guide file and one of its anchors, or a source file of the box relative to where the guide is committed.
        const ok = inGuide ? hash === undefined || inGuide.has(hash) : existsSync(path.join(OUT, path.dirname(file.path), decodeURIComponent(rel)));
        if (!ok) broken.push(`${file.path} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(guideLinks).toBeGreaterThan(300);
    expect(sourceLinks).toBeGreaterThan(200);
  });

  it('gives sections that stand alone: in-page anchors, no relative source links, the whole guide when joined', () => {
    const page = handoffGuidePage(guide);
    const anchors = anchorsIn(page);
    for (const section of guide.sections) {
      expect(page).toContain(section.markdown);
      expect(section.href).toBe(`${section.path}#${section.id}`);
      expect(anchorsIn(section.markdown).has(section.id)).toBe(true);
      const local = linksIn(section.markdown).filter(t => !/^https?:/.test(t));
      expect(local.filter(t => !t.startsWith('#') || !anchors.has(t.slice(1)))).toEqual([]);
    }
    expect(anchors.has('overview')).toBe(true);
    expect(new Set(guide.sections.map(s => s.id)).size).toBe(guide.sections.length);
    expect(guide.sections.map(s => s.id).slice(0, 3)).toEqual(['overview', 'services', 'service-caddy']);
    // Each section sits in the file it names, under its own anchor.
    for (const section of guide.sections) expect(fileText(section.path)).toContain(`<a id="${section.id}"></a>`);
  });

  it('maps entity refs and unit ids to the entry that documents them', () => {
    const piler = inventory.units.find(u => u.name === 'piler.container')!;
    const expected = { section: 'service-piler', anchor: 'service-piler', path: 'services/piler.md', href: 'services/piler.md#service-piler' };
    expect(guide.locations['component:sodimo/piler']).toEqual(expected);
    expect(guide.locations[piler.id]).toEqual(expected);
    expect(handoffEntryOf(inventory, piler.id, 'sodimo')).toEqual(expected);
    expect(guide.locations['resource:sodimo/piler-data.volume']).toEqual({
      section: 'resources',
      anchor: 'resource-piler-data.volume',
      path: 'resources.md',
      href: 'resources.md#resource-piler-data.volume',
    });
    expect(guide.locations['decision:sodimo/d-106'].href).toBe('decisions.md#decision-d-106');
    expect(guide.locations['resource:sodimo/archive.sodimo.eu'].href).toBe('hostnames.md#hostname-archive.sodimo.eu');
    expect(guide.locations['resource:sodimo/gpt-oss-120b.model'].href).toBe('models.md#model-gpt-oss-120b');
    expect(guide.locations['resource:sodimo/local-heavy.alias'].href).toBe('models.md#alias-local-heavy');
    expect(guide.locations['resource:sodimo/kernel-args'].href).toBe('kernel-args.md#kernel-args');
    expect(guide.locations['resource:sodimo/os-image'].href).toBe('README.md#os-and-hardware');
    expect(guide.locations['system:sodimo/sodimo'].href).toBe('README.md#overview');
    expect(guide.locations['component:sodimo/sodiwin-etl.timer'].href).toBe('services/sodiwin-etl.timer.md#service-sodiwin-etl.timer');
    // Every unit with an entity has a location, and handoffEntryOf agrees with it.
    for (const unit of [...inventory.units, ...inventory.systemdUnits]) {
      const where = handoffEntryOf(inventory, unit.id, 'sodimo');
      expect(guide.locations[unit.id]).toEqual(where);
    }
    const section = guide.sections.find(s => s.id === 'service-piler')!;
    expect(section).toMatchObject({ kind: 'service', title: 'piler', parent: 'services', entityRefs: ['component:sodimo/piler'], unitIds: [piler.id] });
  });

  it('links sources through a web base in the files and in the sections', () => {
    const web = generateHandoffGuide(inventory, {
      box: 'sodimo',
      trees: [{ name: 'dotfiles', webBase: 'https://github.com/sodimo/dotfiles/blob/main', relativeBase: '../x/' }],
    });
    const link = 'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L13';
    expect(web.files.find(f => f.path === 'services/piler.md')!.content).toContain(`[\`piler.container:13\`](${link})`);
    expect(web.sections.find(s => s.id === 'service-piler')!.markdown).toContain(`(${link})`);
    // A tree without any base shows its paths as text.
    expect(web.files.find(f => f.path === 'services/cloudflared.service.md')!.content).toContain(
      '`harness:mkosi.extra/usr/lib/systemd/system/cloudflared.service`',
    );
    // Relative bases only make sense in the files.
    const relative = generateHandoffGuide(inventory, { box: 'sodimo', trees: [{ name: 'dotfiles', relativeBase: '../../box/dotfiles/' }] });
    expect(relative.files.find(f => f.path === 'services/piler.md')!.content).toContain(
      '(../../../box/dotfiles/home/dot_config/containers/systemd/piler.container#L13)',
    );
    expect(relative.files.find(f => f.path === 'upgrade.md')!.content).toContain('(../../box/dotfiles/home/dot_config/containers/systemd/)');
    expect(relative.sections.find(s => s.id === 'service-piler')!.markdown).not.toContain('box/dotfiles');
  });

  it('puts the findings in the entries and the known-broken list', () => {
    const piler = fileText('services/piler.md');
    expect(piler).toContain('**Declared broken** in the unit');
    expect(piler).toContain('`unit-known-broken`');
    expect(piler).toContain('no piler-mysql sidecar');
    const known = fileText('known-broken.md');
    expect(known).toMatch(/^- \[`paperclip`\]\(services\/paperclip\.md#service-paperclip\): \*\*Unit known to be broken\*\*/m);
    expect(known).toMatch(/^- \[`piler`\]\(services\/piler\.md#service-piler\):$/m);
    expect(known).toContain('#### Image not pinned by digest (`image-not-digest-pinned`, 18 findings)');
    expect(known).toContain('D-171 is cited');
    expect(fileText('kernel-args.md')).toContain('required kernel argument `iommu=pt` is missing');
    expect(fileText('README.md')).toMatch(/\| \[`piler`\].* \| \*\*known broken\*\*, 2 findings \|$/m);

    // Without findings the guide says so, and still lists what the files declare.
    const bare = generateHandoffGuide(inventory, { box: 'sodimo' });
    const bareKnown = bare.files.find(f => f.path === 'known-broken.md')!.content;
    expect(bareKnown).toContain('The scorecard was not run');
    expect(bareKnown).toContain('[`piler`](services/piler.md#service-piler): its comment says: KNOWN BROKEN (dotfiles#17)');
    expect(bareKnown).not.toContain('paperclip');
  });

  it('shows a waived finding with its expiry and reason', () => {
    const cockpit = inventory.units.find(u => u.name === 'cockpit.container')!;
    const waived = generateHandoffGuide(inventory, {
      box: 'sodimo',
      findings: [
        {
          checkId: 'image-floating-tag',
          status: 'waived',
          severity: 'warning',
          entity: `unit:${cockpit.id}`,
          entityKind: 'unit',
          entityName: 'cockpit.container',
          message: '`quay.io/cockpit/ws:latest` is on floating tag `latest`',
          waiver: { reason: 'slow upstream cadence', decision: 'D-167', expires: '2099-01-01', expired: false },
          fingerprint: 'x',
        },
        {
          checkId: 'image-floating-tag',
          status: 'pass',
          severity: 'warning',
          entity: `unit:${cockpit.id}`,
          entityKind: 'unit',
          entityName: 'cockpit.container',
          message: 'passing results are not shown',
          fingerprint: 'y',
        },
      ],
    });
    const entry = waived.files.find(f => f.path === 'services/cockpit.md')!.content;
    expect(entry).toContain('Waived until 2099-01-01 (D-167: slow upstream cadence): **Image on a floating tag**');
    expect(entry).not.toContain('passing results are not shown');
  });

  it('states the facts of each part: routing, env names, secrets, dependencies, kernel-arg reasons, decisions, upgrade', () => {
    const twenty = fileText('services/twenty.md');
    expect(twenty).toContain('`%h/.config/sodimo/twenty.env` — **missing**');
    expect(twenty).toContain('requires [`twenty-db`](twenty-db.md#service-twenty-db) and [`twenty-redis`](twenty-redis.md#service-twenty-redis); wants [`twenty-worker`]');
    const vault = fileText('services/vaultwarden.md');
    expect(vault).toContain('podman secret `vaultwarden-admin-token` as `ADMIN_TOKEN`; in `vaultwarden.env`: `SMTP_PASSWORD`');
    expect(vault).toContain('[`vault.sodimo.eu`](../hostnames.md#hostname-vault.sodimo.eu) path `/notifications/hub` via cloudflared');
    expect(vault).toContain('chezmoi template: lines 18, 21 depend on the machine');
    expect(fileText('services/postfix.md')).toContain('direct: `25`, `587` and `465` published on the host');
    expect(fileText('services/litellm.md')).toContain('internal only: `4000` on the loopback interface');
    expect(fileText('services/cloudflared.service.md')).toContain('- **Runs** · `/usr/bin/cloudflared`\n');
    expect(fileText('services/sodiwin-etl.service.md')).toContain('- **Started by** · its timer [`sodiwin-etl.timer`]');
    expect(fileText('services/sodiwin-etl.timer.md')).toContain('`systemctl --user restart sodiwin-etl.timer`');
    expect(fileText('services/cloudflared.service.md')).toContain('build a new image, then `sudo bootc upgrade`');
    expect(fileText('kernel-args.md')).toContain('> `iommu=pt amdgpu.gttsize=126976 ttm.pages_limit=32505856`');
    expect(fileText('decisions.md')).toMatch(/^\| <a id="decision-d-171"><\/a>`D-171` \| \*\*cited, not recorded\*\* \|/m);
    expect(fileText('resources.md')).toMatch(/^\| <a id="resource-piler-mysql.volume"><\/a>`piler-mysql.volume` \| volume \| `piler-mysql` \| .* \| \*\*unused\*\* \|/m);
    const upgrade = fileText('upgrade.md');
    expect(upgrade).toContain('`systemctl --user daemon-reload`');
    expect(upgrade).toContain('`sudo bootc rollback`');
    expect(upgrade).toMatch(/^\| \[`piler`\].* \| `systemctl --user restart piler.service` \| `https:\/\/archive.sodimo.eu\/` \|$/m);
  });

  it('does not cite the guide back to itself when it lives inside a tree', () => {
    const docs = { path: 'docs/handoff/decisions.md', content: Buffer.from('| `D-097` | cited here |\n| `D-999` | only here |\n') };
    const unit = { path: 'web.container', content: Buffer.from('# web (D-097)\n[Container]\nImage=docker.io/library/nginx:1.27\n') };
    const box = readBox([{ name: 'app', role: 'dotfiles', files: [unit, docs] }]);
    const inside = generateHandoffGuide(box, { box: 'lab', generatedIn: [{ tree: 'app', path: 'docs/handoff' }] });
    const outside = generateHandoffGuide(box, { box: 'lab' });
    const decisions = (g: HandoffGuide) => g.files.find(f => f.path === 'decisions.md')!.content;
    expect(decisions(outside)).toContain('also mentioned in `app:docs/handoff/decisions.md`');
    expect(decisions(inside)).not.toContain('docs/handoff');
    expect(decisions(inside)).toContain('[`web`](services/web.md#service-web)');
  });

  it('writes a guide for a box without quadlets or OS tree, and for an empty one', async () => {
    const bazzite = await readBoxFromDirectories([path.join(REPO, 'examples/bazzite')], { commits: false });
    const g = generateHandoffGuide(bazzite, { box: 'bazzite' });
    expect(g.files.map(f => f.path)).toContain('services/opencode-dev.md');
    expect(g.files.find(f => f.path === 'services/opencode-dev.md')!.content).toContain('`registry.fedoraproject.org/fedora-toolbox:43`');
    expect(g.files.find(f => f.path === 'upgrade.md')!.content).toContain('No OS repository was read');
    const empty = generateHandoffGuide(readBox([]), { box: 'void' });
    expect(empty.files.map(f => f.path)).toEqual(['README.md', 'decisions.md', 'hostnames.md', 'kernel-args.md', 'known-broken.md', 'models.md', 'resources.md', 'upgrade.md']);
    expect(empty.files[0].content).toContain('`void` runs nothing the portal recognises');
  });

  it('escapes what the box writes, so a comment cannot inject markup', () => {
    const unit = {
      path: 'evil.container',
      content: Buffer.from(
        '# <img src=x onerror=alert(1)> | [click](javascript:alert(1)) `code`\n[Unit]\nDescription=<b>bold</b> | pipe\n[Container]\nImage=docker.io/library/nginx:1.27\n',
      ),
    };
    const g = generateHandoffGuide(readBox([{ name: 'app', role: 'dotfiles', files: [unit] }]), { box: 'lab' });
    const all = g.files.map(f => f.content).join('\n');
    expect(all).not.toMatch(/(?<!\\)<img|(?<!\\)<b>|(?<!\\)\]\(javascript:/);
    expect(all).toContain('\\<img src=x onerror=alert(1)> | \\[click\\](javascript:alert(1)) \\`code\\`');
    expect(g.files.find(f => f.path === 'README.md')!.content).toContain('\\<b>bold\\</b> \\| pipe');
  });
});
