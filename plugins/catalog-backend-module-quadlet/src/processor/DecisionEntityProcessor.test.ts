import type { Entity } from '@backstage/catalog-model';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DecisionEntityProcessor } from './DecisionEntityProcessor';

const location = {
  type: 'url',
  target: 'https://github.com/sodimo/harness/blob/main/docs/decisions.md',
};

function decision(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'quadlet-portal.io/v1alpha1',
    kind: 'Decision',
    metadata: { name: 'd-106', namespace: 'sodimo', title: 'D-106' },
    spec: {
      type: 'defined',
      owner: 'group:default/sodimo-ops',
      system: 'system:sodimo/sodimo',
      citedBy: ['component:sodimo/piler', 'resource:sodimo/archive.sodimo.eu'],
      quadlet: {
        kind: 'decision',
        id: 'D-106',
        status: 'defined',
        title: 'Keep every mail',
        definition: { tree: 'harness', path: 'docs/decisions.md', line: 20 },
        citations: [
          {
            source: { tree: 'dotfiles', path: 'piler.container', line: 2 },
            refs: ['component:sodimo/piler'],
          },
        ],
      },
      ...spec,
    },
  };
}

async function relationsOf(entity: Entity): Promise<string[]> {
  const results: CatalogProcessorResult[] = [];
  await new DecisionEntityProcessor().postProcessEntity(entity, location, r =>
    results.push(r),
  );
  return results.map(r => {
    if (r.type !== 'relation')
      return `${r.type}: ${'error' in r ? r.error.message : ''}`;
    const { source, type, target } = r.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

describe('DecisionEntityProcessor', () => {
  const processor = new DecisionEntityProcessor();

  it('accepts a valid Decision and leaves other kinds to other processors', async () => {
    await expect(processor.validateEntityKind(decision())).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({
        ...decision(),
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
      }),
    ).resolves.toBe(false);
    await expect(
      processor.validateEntityKind({
        ...decision(),
        apiVersion: 'example.com/v1',
      }),
    ).resolves.toBe(false);
  });

  it('rejects an invalid Decision with the field at fault', async () => {
    await expect(
      processor.validateEntityKind(decision({ citedBy: ['piler'] })),
    ).rejects.toThrow(
      /Invalid Decision sodimo\/d-106: spec\.citedBy\.0: a full entity ref/,
    );
    await expect(
      processor.validateEntityKind(decision({ type: 'maybe' })),
    ).rejects.toThrow(/spec\.type/);
  });

  it('emits cites and citedBy for every citing entity, plus ownership and system membership', async () => {
    expect(await relationsOf(decision())).toEqual([
      'Decision:sodimo/d-106 citedBy component:sodimo/piler',
      'component:sodimo/piler cites Decision:sodimo/d-106',
      'Decision:sodimo/d-106 citedBy resource:sodimo/archive.sodimo.eu',
      'resource:sodimo/archive.sodimo.eu cites Decision:sodimo/d-106',
      'Decision:sodimo/d-106 ownedBy group:default/sodimo-ops',
      'group:default/sodimo-ops ownerOf Decision:sodimo/d-106',
      'Decision:sodimo/d-106 partOf system:sodimo/sodimo',
      'system:sodimo/sodimo hasPart Decision:sodimo/d-106',
    ]);
  });

  it('reports a malformed ref as an input error instead of throwing', async () => {
    const relations = await relationsOf(
      decision({ citedBy: ['component:'], system: undefined }),
    );
    expect(relations[0]).toMatch(
      /^error: Decision d-106: spec.citedBy "component:" is not an entity ref/,
    );
  });

  it('leaves other kinds untouched', async () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { citedBy: ['a:b/c'] },
    };
    expect(await relationsOf(component)).toEqual([]);
  });
});
