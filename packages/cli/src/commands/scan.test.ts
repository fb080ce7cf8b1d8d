import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../main';
import { captureIo } from '../testIo';

const REPO = path.resolve(__dirname, '../../../..');

describe('quadlet-portal scan', () => {
  it('prints a summary of examples/sodimo for people', async () => {
    const io = captureIo(REPO);
    expect(await run(['scan', 'examples/sodimo', '--no-commits'], io)).toBe(0);
    const text = io.out();
    expect(text).toMatch(
      /^Trees: dotfiles \(dotfiles, \d+ files\), harness \(os, \d+ files\)\n/,
    );
    expect(text).toContain(
      'OS: fedora 44 (image harness) from examples/sodimo/harness/mkosi.conf:8',
    );
    expect(text).toContain(
      'Counts: 41 quadlets (20 container, 20 volume, 1 network), 8 systemd units, 4 models, 5 aliases, 6 hostnames',
    );
    expect(text).toMatch(
      /\n {2}piler\.container +container +docker\.io\/sutoj\/piler:1\.4\.5 +version\n/,
    );
    expect(text).toMatch(
      /\n {2}caddy\.container +container +docker\.io\/library\/caddy:2-alpine@sha256:feeade025b9b… +digest\n/,
    );
    expect(text).toContain(
      'archive.sodimo.eu    cloudflared config.yml:17 -> caddy archive.caddy:4 -> piler:80 -> piler.container:80',
    );
    expect(text).toContain('local-heavy -> gpt-oss-120b (local)');
    expect(text).toMatch(/\nDiagnostics: 0\n$/);
    expect(io.err()).toBe('');
  });

  it('prints the full inventory as JSON', async () => {
    const io = captureIo(REPO);
    expect(
      await run(
        ['scan', 'examples/bazzite', '--format=json', '--no-commits'],
        io,
      ),
    ).toBe(0);
    const inventory = JSON.parse(io.out());
    expect(inventory.schemaVersion).toBe(1);
    expect(inventory.distroboxes).toHaveLength(5);
    expect(inventory.trees[0].location).toBe('examples/bazzite');
  });

  it('exits 1 and lists diagnostics as path:line: severity: message [code] when errors are found', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qp-scan-'));
    try {
      writeFileSync(path.join(dir, 'README.md'), '# box\n');
      writeFileSync(
        path.join(dir, 'bad.container'),
        '[Container]\nImage=ghcr.io/x/y:1\nNoSuchKey=1\n',
      );
      const io = captureIo(dir);
      expect(await run(['scan', '.', '--no-commits'], io)).toBe(1);
      expect(io.out()).toContain(
        "bad.container:3: error: unsupported key 'NoSuchKey' in group 'Container' in bad.container [quadlet/unknown-key]",
      );
      expect(io.out()).toMatch(/Diagnostics: 1 \(1 error\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['scan'], 'give at least one folder to read'],
    [['scan', 'examples/nope'], 'no such folder: examples/nope'],
    [['scan', 'examples/sodimo', '--format', 'yaml'], 'unknown format "yaml"'],
    [['scan', 'examples/sodimo', '--verbose'], "Unknown option '--verbose'"],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const io = captureIo(REPO);
    expect(await run(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.out()).toBe('');
  });

  it('has --help', async () => {
    const io = captureIo(REPO);
    expect(await run(['scan', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(
      /^Usage: quadlet-portal scan <dir>\.\.\. \[--format text\|json\]/,
    );
  });
});
