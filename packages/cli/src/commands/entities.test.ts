import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inventoryToEntities, readBoxFromDirectories, type EntityLike } from '@quadlet-portal/core';
import type { CliIo } from '../io';
import { DEFAULT_OWNER, entitiesCommand } from './entities';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

async function run(args: string[], cwd = EXAMPLES) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: t => (stdout += t), stderr: t => (stderr += t), cwd };
  const code = await entitiesCommand.run(args, io);
  return { code, stdout, stderr };
}

describe('quadlet-portal entities', () => {
  it('prints the same entities as the mapping, as a JSON array, with the folder as box name', async () => {
    const { code, stdout, stderr } = await run(['sodimo', '--format', 'json', '--no-commits']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as EntityLike[];
    expect(printed).toHaveLength(71);
    expect(printed[0]).toMatchObject({ kind: 'System', metadata: { name: 'sodimo', namespace: 'sodimo' }, spec: { owner: DEFAULT_OWNER } });
    expect(printed.find(e => e.metadata.name === 'piler')?.spec.dependsOn).toEqual(['resource:sodimo/piler-data.volume', 'resource:sodimo/sodimo.network']);
    expect(printed.find(e => e.metadata.name === 'piler')?.metadata.annotations['backstage.io/source-location']).toBe(
      `dir:${EXAMPLES}/sodimo/dotfiles/home/dot_config/containers/systemd/`,
    );

    // Same code path as the catalog provider: reading and mapping directly gives the same JSON.
    const inventory = await readBoxFromDirectories([path.join(EXAMPLES, 'sodimo')], { commits: false });
    const direct = inventoryToEntities(inventory, {
      name: 'sodimo',
      owner: DEFAULT_OWNER,
      trees: inventory.trees.map(t => ({ name: t.name, location: path.resolve(t.location!) })),
    });
    expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('prints YAML by default, one document per entity, with box and owner as given', async () => {
    const { code, stdout } = await run(['sodimo', '--no-commits', '--box', 'Sodimo Prod', '--owner', 'group:ops/admins']);
    expect(code).toBe(0);
    const documents = stdout.split(/^---\n/m).filter(Boolean);
    expect(documents).toHaveLength(71);
    expect(documents[0]).toMatch(/^apiVersion: backstage\.io\/v1alpha1\nkind: System\nmetadata:\n {2}name: sodimo-prod\n {2}namespace: sodimo-prod\n/);
    expect(documents[0]).toContain('  title: Sodimo Prod\n');
    expect(stdout).toContain('\n  name: piler\n  namespace: sodimo-prod\n');
    expect(stdout).not.toContain(DEFAULT_OWNER);
    expect(stdout.match(/^ {2}owner: group:ops\/admins$/gm)).toHaveLength(71);
  });

  it('gives the System the title and description a box config would, and every entity its managed-by location', async () => {
    const { code, stdout } = await run(['sodimo', '--format', 'json', '--no-commits', '--title', 'Sodimo', '--description', 'The archive box']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as EntityLike[];
    expect(printed[0].metadata).toMatchObject({ name: 'sodimo', title: 'Sodimo', description: 'The archive box' });
    // Absolute folders, as the catalog provider's config gives them: `file:` the file on disk.
    expect(printed.find(e => e.metadata.name === 'piler')?.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `file:${EXAMPLES}/sodimo/dotfiles/home/dot_config/containers/systemd/piler.container`,
      'backstage.io/managed-by-origin-location': `file:${EXAMPLES}/sodimo/dotfiles`,
    });
    expect(printed[0].metadata.annotations['backstage.io/managed-by-location']).toBe(`file:${EXAMPLES}/sodimo/dotfiles`);
  });

  it('exits 1 on error diagnostics and still prints the entities, with the problem on the System', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qp-entities-'));
    try {
      mkdirSync(path.join(dir, 'lab'));
      writeFileSync(path.join(dir, 'lab/README.md'), 'lab box\n');
      writeFileSync(path.join(dir, 'lab/web.container'), '[Container]\nImage=docker.io/library/nginx:1.27\nBogus\n');
      const { code, stdout } = await run(['lab', '--format', 'json', '--no-commits'], dir);
      expect(code).toBe(1);
      const [system, web] = JSON.parse(stdout) as EntityLike[];
      expect(system.metadata.annotations['quadlet-portal.io/diagnostics']).toBe('1 error');
      expect((system.spec.quadlet as { diagnostics: { file: string; line: number; code: string }[] }).diagnostics).toEqual([
        expect.objectContaining({ file: 'web.container', line: 3, code: 'unit/invalid-line' }),
      ]);
      expect(web.metadata.name).toBe('web');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['sodimo', '--format', 'xml'], 'unknown format "xml"'],
    [[], 'give at least one folder'],
    [['nowhere'], 'no such folder: nowhere'],
    [['sodimo', '--owner', 'not a ref'], 'is not an entity ref'],
    [['sodimo', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('prints its help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: quadlet-portal entities <dir>...');
  });
});
