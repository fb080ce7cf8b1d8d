import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureIo } from '../testIo';
import { docsCommand } from './docs';
import { MANIFEST } from './docsFolder';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qp-docs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], cwd = dir) {
  const io = captureIo(cwd);
  const code = await docsCommand.run(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** Every file under a folder, relative path → bytes. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out[child] = readFileSync(path.join(root, child), 'utf8');
    }
  };
  walk('');
  return out;
}

const sodimo = path.join(EXAMPLES, 'sodimo');

describe('quadlet-portal docs', () => {
  it('writes the guide and a manifest, then reports "unchanged" with identical bytes', async () => {
    const out = path.join(dir, 'guide');
    const first = await run([sodimo, '--out', out, '--now', '2026-05-01']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^docs: guide: 34 written, 0 unchanged\n {2}wrote {3}README\.md\n/);
    const written = snapshot(out);
    expect(Object.keys(written)).toHaveLength(35);
    expect(JSON.parse(written[MANIFEST])).toEqual({ generator: 'quadlet-portal docs', box: 'sodimo', files: Object.keys(written).filter(p => p !== MANIFEST).sort() });
    expect(written['services/piler.md']).toContain('`unit-known-broken`');
    // Relative links from the out folder to the trees.
    expect(written['services/piler.md']).toContain(`(${path.relative(path.join(out, 'services'), sodimo)}/dotfiles/home/dot_config/containers/systemd/piler.container#L13)`);

    const second = await run([sodimo, '--out', out, '--now', '2026-05-01']);
    expect(second).toEqual({ code: 0, stdout: 'docs: guide unchanged (34 files)\n', stderr: '' });
    expect(snapshot(out)).toEqual(written);
  });

  it('removes the files an earlier run wrote and no longer writes, and no other file', async () => {
    const out = path.join(dir, 'guide');
    await run([sodimo, '--out', out, '--no-checks']);
    writeFileSync(path.join(out, 'services/retired.md'), 'old entry\n');
    writeFileSync(path.join(out, 'notes.md'), 'mine\n');
    mkdirSync(path.join(out, 'gone'));
    writeFileSync(path.join(out, 'gone/old.md'), 'old\n');
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8'));
    manifest.files.push('services/retired.md', 'gone/old.md', '../outside.md');
    writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest));
    writeFileSync(path.join(dir, 'outside.md'), 'not in the folder\n');

    const { code, stdout, stderr } = await run([sodimo, '--out', out, '--no-checks']);
    expect(code).toBe(0);
    expect(stderr).toContain('names paths outside the folder, ignored: ../outside.md');
    expect(stdout).toContain('2 removed');
    expect(stdout).toContain('  removed gone/old.md\n  removed services/retired.md\n');
    expect(existsSync(path.join(out, 'services/retired.md'))).toBe(false);
    expect(existsSync(path.join(out, 'gone'))).toBe(false);
    expect(readFileSync(path.join(out, 'notes.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(path.join(dir, 'outside.md'), 'utf8')).toBe('not in the folder\n');
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')).files).not.toContain('gone/old.md');
  });

  it('refuses to overwrite files it did not write, unless --force', async () => {
    const out = path.join(dir, 'guide');
    mkdirSync(out);
    writeFileSync(path.join(out, 'README.md'), 'my own readme\n');
    const refused = await run([sodimo, '--out', out, '--no-checks']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('holds files this command did not write: README.md');
    expect(readdirSync(out)).toEqual(['README.md']);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('my own readme\n');

    const forced = await run([sodimo, '--out', out, '--no-checks', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/^# sodimo: handoff guide\n/);
  });

  it('replaces files by rename, never in place, and leaves no temporary file', async () => {
    const out = path.join(dir, 'guide');
    await run([sodimo, '--out', out, '--no-checks']);
    // A hard link shares the inode: an in-place write would change it too, a rename does not.
    writeFileSync(path.join(out, 'README.md'), 'stale\n');
    linkSync(path.join(out, 'README.md'), path.join(dir, 'old-readme'));
    writeFileSync(path.join(out, `.README.md.qp-docs-999-deadbeef.tmp`), 'left by an interrupted run');
    const { code, stdout } = await run([sodimo, '--out', out, '--no-checks']);
    expect(code).toBe(0);
    expect(stdout).toContain('1 written, 33 unchanged');
    expect(readFileSync(path.join(dir, 'old-readme'), 'utf8')).toBe('stale\n');
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/^# sodimo: handoff guide/);
    const files = Object.keys(snapshot(out));
    expect(files.filter(f => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--check writes nothing and says whether the folder is up to date', async () => {
    const out = path.join(dir, 'guide');
    const before = await run([sodimo, '--out', out, '--check', '--no-checks']);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('docs: guide is out of date:\n  would write  README.md\n');
    expect(existsSync(out)).toBe(false);
    await run([sodimo, '--out', out, '--no-checks']);
    expect(await run([sodimo, '--out', out, '--check', '--no-checks'])).toEqual({ code: 0, stdout: 'docs: guide is up to date (34 files)\n', stderr: '' });
    writeFileSync(path.join(out, 'models.md'), 'edited by hand\n');
    const edited = await run([sodimo, '--out', out, '--check', '--no-checks']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toBe('docs: guide is out of date:\n  would write  models.md\n');
  });

  it('links sources through --web-base', async () => {
    const out = path.join(dir, 'guide');
    const { code } = await run([sodimo, '--out', out, '--no-checks', '--web-base', 'dotfiles=https://github.com/sodimo/dotfiles/blob/main/']);
    expect(code).toBe(0);
    expect(readFileSync(path.join(out, 'services/piler.md'), 'utf8')).toContain(
      '(https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L13)',
    );
  });

  it('stays unchanged when the guide is written inside one of the trees it reads', async () => {
    cpSync(sodimo, path.join(dir, 'sodimo'), { recursive: true });
    const out = path.join(dir, 'sodimo/dotfiles/docs/handoff');
    const first = await run(['sodimo', '--out', out, '--no-checks']);
    expect(first.code).toBe(0);
    const second = await run(['sodimo', '--out', out, '--no-checks']);
    expect(second.stdout).toBe('docs: sodimo/dotfiles/docs/handoff unchanged (34 files)\n');
    // The guide cites every decision; those mentions are not listed as citations of the box.
    expect(readFileSync(path.join(out, 'decisions.md'), 'utf8')).not.toContain('docs/handoff');
  });

  it('exits 1 on error diagnostics and writes the guide all the same', async () => {
    mkdirSync(path.join(dir, 'lab'));
    writeFileSync(path.join(dir, 'lab/README.md'), 'lab box\n');
    writeFileSync(path.join(dir, 'lab/web.container'), '[Container]\nImage=docker.io/library/nginx:1.27\nBogus\n');
    const { code } = await run(['lab', '--out', 'guide', '--no-checks']);
    expect(code).toBe(1);
    const known = readFileSync(path.join(dir, 'guide/known-broken.md'), 'utf8');
    expect(known).toContain('error `unit/invalid-line`');
    expect(readFileSync(path.join(dir, 'guide/services/web.md'), 'utf8')).toContain('error `unit/invalid-line`');
  });

  it.each([
    [[sodimo], 'give the folder to write with --out'],
    [['--out', 'x'], 'give at least one folder'],
    [['nowhere', '--out', 'x'], 'no such folder: nowhere'],
    [[sodimo, '--out', 'x', '--web-base', 'dotfiles'], 'is not TREE=URL'],
    [[sodimo, '--out', 'x', '--web-base', 'ghost=https://example.org/'], '--web-base names no tree of the box: ghost'],
    [[sodimo, '--out', 'x', '--now', '2026-02-30'], 'is not a calendar day'],
    [[sodimo, '--out', path.join(sodimo, 'dotfiles')], 'is the root of tree dotfiles'],
    [[sodimo, '--out', 'x', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('prints its help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: quadlet-portal docs <dir>\.\.\. --out <folder>/);
  });
});
