import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../main';
import { captureIo } from '../testIo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qp-conformance-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('quadlet-portal conformance', () => {
  it('ends with the one-line summary and exits 0 when every aim is met', async () => {
    writeFileSync(
      path.join(dir, 'basic.container'),
      '## assert-podman-final-args localhost/imagename\n[Container]\nImage=localhost/imagename\n',
    );
    const io = captureIo(dir);
    expect(await run(['conformance', '.'], io)).toBe(0);
    expect(io.out().trimEnd().split('\n').pop()).toBe(
      'conformance: 1/1 agree, 0/0 expected failures flagged, 1/1 round-trip identical',
    );
  });

  it('lists disagreeing files and exits 1', async () => {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(
      path.join(dir, 'sub', 'bad.container'),
      '[Container]\nNoImage=1\n',
    );
    const io = captureIo(dir);
    expect(await run(['conformance', dir], io)).toBe(1);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^sub\/bad\.container: unexpected error: /);
    expect(lines.pop()).toBe(
      'conformance: 0/1 agree, 0/0 expected failures flagged, 1/1 round-trip identical',
    );
  });

  it('exits 2 on bad usage', async () => {
    const io = captureIo(dir);
    expect(await run(['conformance'], io)).toBe(2);
    expect(await run(['conformance', 'missing-dir'], io)).toBe(2);
    expect(io.err()).toContain('no such folder: missing-dir');
  });
});
