import { DECISION_API_VERSION, isDecisionEntity, validateDecisionEntity } from './decisionEntity';

const valid = {
  apiVersion: DECISION_API_VERSION,
  kind: 'Decision',
  metadata: { name: 'd-106', namespace: 'sodimo', annotations: {} },
  spec: {
    type: 'defined',
    owner: 'group:default/box-admins',
    system: 'sodimo',
    citedBy: ['component:sodimo/piler'],
    quadlet: {
      kind: 'decision',
      id: 'D-106',
      status: 'defined',
      recordStatus: 'Accepted',
      definition: { tree: 'harness', path: 'docs/decisions.md', line: 15 },
      citations: [{ source: { tree: 'dotfiles', path: 'piler.container', line: 2 }, refs: ['component:sodimo/piler'] }, { commit: 'abc123', refs: [] }],
    },
  },
};

describe('validateDecisionEntity', () => {
  it('accepts a well-formed Decision', () => {
    expect(validateDecisionEntity(valid)).toEqual({ ok: true, entity: valid });
    expect(isDecisionEntity(valid)).toBe(true);
    expect(isDecisionEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'Decision' })).toBe(false);
  });

  it('names each wrong field', () => {
    const broken = {
      ...valid,
      spec: { ...valid.spec, type: 'cited-only', citedBy: ['piler'], quadlet: { ...valid.spec.quadlet, citations: [{ refs: 'x' }] } },
    };
    const result = validateDecisionEntity(broken);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^spec\.citedBy\.0: a full entity ref/), expect.stringMatching(/^spec\.quadlet\.citations\.0\.refs: /)]),
    );
  });

  it('rejects a type that disagrees with the status', () => {
    const result = validateDecisionEntity({ ...valid, spec: { ...valid.spec, type: 'cited-only' } });
    expect(result).toEqual({ ok: false, errors: ['spec.type: must equal spec.quadlet.status'] });
  });

  it('rejects another kind', () => {
    expect(validateDecisionEntity({ ...valid, kind: 'Component' }).ok).toBe(false);
  });
});
