import { execFile } from 'node:child_process';
import path from 'node:path';
import { run } from './main';
import { captureIo } from './testIo';

const REPO = path.resolve(__dirname, '../../..');

describe('quadlet-portal', () => {
  it('lists the commands with --help and exits 0', async () => {
    const io = captureIo(REPO);
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: quadlet-portal <command>/);
    expect(io.out()).toContain('scan ');
    expect(io.out()).toContain('conformance ');
  });

  it('exits 2 without a command or with an unknown one, saying which', async () => {
    const none = captureIo(REPO);
    expect(await run([], none)).toBe(2);
    expect(none.err()).toContain('Usage:');
    const unknown = captureIo(REPO);
    expect(await run(['frobnicate'], unknown)).toBe(2);
    expect(unknown.err()).toContain('unknown command "frobnicate"');
    expect(unknown.out()).toBe('');
  });

  it('runs through the real bin', async () => {
    const bin = path.join(REPO, 'packages/cli/bin/quadlet-portal');
    const result = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>(resolve => {
      execFile(
        process.execPath,
        [bin, 'scan', 'examples/sodimo', '--format', 'json', '--no-commits'],
        { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const inventory = JSON.parse(result.stdout);
    expect(
      inventory.trees.map((t: { name: string; location: string }) => [
        t.name,
        t.location,
      ]),
    ).toEqual([
      ['dotfiles', 'examples/sodimo/dotfiles'],
      ['harness', 'examples/sodimo/harness'],
    ]);
    expect(inventory.units).toHaveLength(41);
  }, 60_000);
});
