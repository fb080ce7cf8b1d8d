import {
  at,
  contextOf,
  emptyInventory,
  policyWith,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { policyStaleEntry } from './policyStaleEntry';
import { runChecks } from './runChecks';

const POLICY = (line: number) => at('.quadlet-portal/policy.yaml', line);

describe('policy-stale-entry', () => {
  const inventory = emptyInventory({
    units: [
      unit('piler.container', { imageText: 'docker.io/sutoj/piler:1.4.5' }),
      unit('caddy.container', {
        imageText: `docker.io/library/caddy:2@sha256:${'aa'.repeat(32)}`,
      }),
    ],
    decisions: [
      {
        id: 'D-167',
        status: 'defined',
        definition: at('docs/decisions.md', 41, 'harness'),
        citations: [],
      },
    ],
  });
  const policy = policyWith(p => {
    p.knownBroken.units.push({
      unit: 'piler',
      reason: 'no sidecar',
      source: POLICY(10),
    });
    p.knownBroken.units.push({
      unit: 'pilr',
      reason: 'typo',
      decision: 'D-999',
      source: POLICY(14),
    });
    p.waivers.push(
      waiver('image-not-digest-pinned', 'piler', {
        decision: 'D-167',
        source: POLICY(20),
      }),
    );
    p.waivers.push(
      waiver('image-not-digest-pinned', 'caddy', {
        decision: 'D-167',
        source: POLICY(26),
      }),
    );
    p.waivers.push(
      waiver('image-not-digest-pinned', 'pilr', {
        decision: 'D-167',
        source: POLICY(32),
      }),
    );
    p.waivers.push(
      waiver('image-floating-tag', 'piler', {
        decision: 'D-98',
        source: POLICY(38),
      }),
    );
    p.waivers.push(
      waiver('no-such-check', 'piler', {
        decision: 'D-167',
        source: POLICY(44),
      }),
    );
    p.checks['no-such-check'] = { enabled: false, source: POLICY(50) };
  });

  it('alone, judges known-broken entries against the units and every decision against the records', () => {
    const results = policyStaleEntry.run(contextOf(inventory, policy));
    expect(summary(results)).toEqual([
      'fail knownBroken pilr knownBroken pilr',
      'fail waiver image-floating-tag for piler waiver image-floating-tag piler',
      'pass knownBroken piler knownBroken piler',
      'pass waiver image-not-digest-pinned for caddy waiver image-not-digest-pinned caddy',
      'pass waiver image-not-digest-pinned for piler waiver image-not-digest-pinned piler',
      'pass waiver image-not-digest-pinned for pilr waiver image-not-digest-pinned pilr',
      'pass waiver no-such-check for piler waiver no-such-check piler',
    ]);
    expect(results.find(r => r.detail === 'knownBroken pilr')).toMatchObject({
      entityKind: 'policy',
      file: '.quadlet-portal/policy.yaml',
      line: 14,
      message:
        'known-broken entry names unit `pilr`, which the box does not have and cites D-999, which the box does not record',
    });
  });

  it('through runChecks, also fails waivers that match no failure, name unknown checks, and unknown check settings', () => {
    const results = runChecks(contextOf(inventory, policy)).filter(
      r => r.checkId === 'policy-stale-entry' && r.status === 'fail',
    );
    const byLine = Object.fromEntries(results.map(r => [r.line, r.message]));
    expect(byLine).toEqual({
      14: 'known-broken entry names unit `pilr`, which the box does not have and cites D-999, which the box does not record',
      26: 'waiver of image-not-digest-pinned for caddy is no longer needed: that finding passes now',
      32: 'waiver of image-not-digest-pinned for pilr matches no result of that check (misspelt entity?)',
      38: 'waiver of image-floating-tag for piler cites D-98, which the box does not record',
      44: 'waiver names check `no-such-check`, which does not exist',
      50: 'policy configures check `no-such-check`, which does not exist',
    });
  });

  it('says unknown for a waiver of a check that did not run', () => {
    const results = runChecks(contextOf(inventory, policy), {
      only: ['policy-stale-entry'],
    });
    expect(results.find(r => r.line === 20)).toMatchObject({
      status: 'unknown',
    });
  });
});
