import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readBoxFromDirectories } from '../inventory';
import { inventoryToEntities } from './inventoryToEntities';
import { serializeEntities } from './serializeEntities';

// Every secret value in the fixture reads `literal-…-NN`; each must stay out of every entity.
const FIXTURE = path.join(__dirname, '__fixtures__/secret-box');
const LITERAL = /literal-[a-z-]+-\d{2}/g;

function literalsIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...literalsIn(file));
    else out.push(...(readFileSync(file, 'utf8').match(LITERAL) ?? []));
  }
  return out;
}

describe('secret values', () => {
  it('never appear in the entities of a box that writes them in units, env files and model configs', async () => {
    const literals = [...new Set(literalsIn(FIXTURE))].sort();
    expect(literals).toHaveLength(19);

    const inventory = await readBoxFromDirectories([FIXTURE], { commits: false });
    const entities = inventoryToEntities(inventory, {
      name: 'secret-box',
      owner: 'group:default/box-admins',
      trees: [{ name: 'dotfiles', location: path.join(FIXTURE, 'dotfiles'), webBase: 'https://github.com/o/dotfiles/blob/main/' }],
    });
    const json = JSON.stringify(entities);
    const yaml = serializeEntities(entities, 'yaml');
    expect(literals.filter(literal => json.includes(literal) || yaml.includes(literal))).toEqual([]);

    // The names stay, so the portal can still say what a unit needs.
    const app = entities.find(e => e.metadata.name === 'app')!;
    const q = app.spec.quadlet as { environment: { name: string }[]; secrets: { name: string }[]; envFiles: { variables: string[] }[]; documentation: string[] };
    expect(q.environment.map(e => e.name)).toEqual(['DB_PASSWORD', 'PLAIN_SETTING']);
    expect(q.secrets.map(s => s.name)).toEqual(['app-db-password']);
    expect(q.envFiles[0].variables).toEqual(['API_KEY', 'DATABASE_URL']);
    expect(q.documentation).toEqual(['https://docs.example.org/app']);
    expect(json).toContain('SYNC_TOKEN');
    expect(json).toContain('ANTHROPIC_API_KEY');
    // A volume keeps its options, without the password in them.
    expect(yaml).toContain('value: username=bob,password=(redacted)');
  });
});
