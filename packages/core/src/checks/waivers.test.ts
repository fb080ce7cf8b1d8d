import { policyWith, waiver } from './__fixtures__/testBox';
import type { CheckResult } from './types';
import { applyWaivers, namesOfResult, waiverMatches } from './waivers';
import { waiverExpired } from '../policy/waiverExpiry';

const result = (extra: Partial<CheckResult> = {}): CheckResult => ({
  checkId: 'image-floating-tag',
  status: 'fail',
  severity: 'warning',
  entity: 'unit:dotfiles:home/dot_config/containers/systemd/cockpit.container',
  entityKind: 'unit',
  entityName: 'cockpit.container',
  entityRef: 'component:sodimo/cockpit',
  message: '`quay.io/cockpit/ws:latest` is on floating tag `latest`',
  fingerprint: 'x',
  ...extra,
});

describe('waivers', () => {
  it('match a unit by key, id, ref, namespaced name, file name, base name or service name, case-insensitively', () => {
    for (const entity of [
      'unit:dotfiles:home/dot_config/containers/systemd/cockpit.container',
      'dotfiles:home/dot_config/containers/systemd/cockpit.container',
      'component:sodimo/cockpit',
      'sodimo/cockpit',
      'cockpit.container',
      'Cockpit',
      'cockpit.service',
      '*',
    ]) {
      expect(
        waiverMatches(waiver('image-floating-tag', entity), result()),
      ).toBe(true);
    }
    expect(
      waiverMatches(waiver('image-floating-tag', 'cockpit2'), result()),
    ).toBe(false);
    expect(waiverMatches(waiver('image-short-name', 'cockpit'), result())).toBe(
      false,
    );
    expect(
      namesOfResult(
        result({
          entityKind: 'model',
          entity: 'model:qwen3-30b',
          entityName: 'qwen3-30b',
          entityRef: 'resource:sodimo/qwen3-30b.model',
        }),
      ),
    ).toEqual(
      new Set([
        'model:qwen3-30b',
        'qwen3-30b',
        'resource:sodimo/qwen3-30b.model',
        'sodimo/qwen3-30b.model',
      ]),
    );
  });

  it('with a detail, match only that finding', () => {
    expect(
      waiverMatches(
        waiver('image-floating-tag', 'cockpit', { detail: 'a' }),
        result({ detail: 'a' }),
      ),
    ).toBe(true);
    expect(
      waiverMatches(
        waiver('image-floating-tag', 'cockpit', { detail: 'a' }),
        result({ detail: 'b' }),
      ),
    ).toBe(false);
  });

  it('apply through their expiry day (UTC) and stop the next day, saying so', () => {
    const w = waiver('image-floating-tag', 'cockpit', {
      expires: '2026-03-31',
      decision: 'D-167',
      reason: 'slow cadence',
      source: {
        tree: 'dotfiles',
        path: '.quadlet-portal/policy.yaml',
        line: 70,
      },
    });
    expect(waiverExpired(w, new Date('2026-03-31T23:59:59Z'))).toBe(false);
    expect(waiverExpired(w, new Date('2026-04-01T00:00:00Z'))).toBe(true);

    const live = [result()];
    applyWaivers(live, [w], new Date('2026-03-31T12:00:00Z'));
    expect(live[0]).toMatchObject({
      status: 'waived',
      waiver: {
        reason: 'slow cadence',
        decision: 'D-167',
        expires: '2026-03-31',
        expired: false,
        file: '.quadlet-portal/policy.yaml',
        line: 70,
      },
      message:
        '`quay.io/cockpit/ws:latest` is on floating tag `latest` (waived until 2026-03-31: slow cadence, D-167)',
    });

    const late = [result()];
    const uses = applyWaivers(late, [w], new Date('2026-04-01T00:00:00Z'));
    expect(late[0]).toMatchObject({
      status: 'fail',
      waiver: { expired: true },
    });
    expect(late[0].message).toContain(
      '(waiver expired on 2026-03-31: slow cadence, D-167)',
    );
    expect(uses[0]).toMatchObject({ matchedFailures: 1, expired: true });
  });

  it('never touch pass or unknown results, and prefer a live waiver over an expired one', () => {
    const results = [
      result({ status: 'pass' }),
      result({ status: 'unknown' }),
      result(),
    ];
    const policy = policyWith(p =>
      p.waivers.push(
        waiver('image-floating-tag', 'cockpit', { expires: '2020-01-01' }),
        waiver('image-floating-tag', 'cockpit', { expires: '2030-01-01' }),
      ),
    );
    const uses = applyWaivers(
      results,
      policy.waivers,
      new Date('2026-05-01T00:00:00Z'),
    );
    expect(results.map(r => r.status)).toEqual(['pass', 'unknown', 'waived']);
    expect(results[2].waiver!.expires).toBe('2030-01-01');
    expect(uses.map(u => u.matched)).toEqual([3, 3]);
  });
});
