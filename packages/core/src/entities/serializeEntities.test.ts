import { parseAllDocuments } from 'yaml';
import type { EntityLike } from './entityLike';
import { serializeEntities } from './serializeEntities';

const shared = { tree: 'dotfiles', path: 'a.container', line: 1 };
const entities: EntityLike[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'a', namespace: 'box', annotations: { 'quadlet-portal.io/box': 'box' } },
    spec: { type: 'quadlet-container', owner: 'group:default/x', first: shared, second: shared, long: 'word '.repeat(60).trim() },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'box', namespace: 'box', annotations: {} },
    spec: { owner: 'group:default/x', release: '44' },
  },
];

describe('serializeEntities', () => {
  it('writes YAML as one document per entity that reads back to the same entities', () => {
    const text = serializeEntities(entities, 'yaml');
    expect(text.startsWith('---\napiVersion: backstage.io/v1alpha1\n')).toBe(true);
    const documents = parseAllDocuments(text);
    expect(Array.isArray(documents) && documents.map(d => d.toJS())).toEqual(entities);
    // Shared objects are written out, not as anchors; long strings are not folded.
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text).toContain(`long: ${'word '.repeat(60).trim()}\n`);
    expect(text).toContain('release: "44"');
  });

  it('writes JSON as one array', () => {
    expect(JSON.parse(serializeEntities(entities, 'json'))).toEqual(entities);
  });
});
