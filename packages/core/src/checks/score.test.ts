import { scoreOf } from './score';
import type { CheckResult } from './types';

const r = (
  checkId: string,
  entity: string,
  status: CheckResult['status'],
  severity: CheckResult['severity'] = 'warning',
): CheckResult => ({
  checkId,
  status,
  severity,
  entity,
  entityKind: 'unit',
  entityName: entity,
  message: '',
  fingerprint: `${checkId}|${entity}`,
});

describe('scoreOf', () => {
  it('scores the share of decided subjects with no failing result; waived counts as passing, unknown-only is left out', () => {
    const results = [
      r('a', 'u1', 'pass'),
      r('b', 'u1', 'fail'),
      r('a', 'u2', 'pass'),
      r('b', 'u2', 'unknown'),
      r('a', 'u3', 'waived'),
      r('b', 'u4', 'unknown'),
      r('info', 'u5', 'fail', 'info'),
    ];
    const card = scoreOf(results);
    expect(card.box).toEqual({
      score: 2 / 3,
      passing: 2,
      failing: 1,
      unknown: 1,
      waived: 1,
    });
    expect(card.byCheck.a).toEqual({
      score: 1,
      passing: 3,
      failing: 0,
      unknown: 0,
      waived: 1,
    });
    expect(card.byCheck.b).toEqual({
      score: 0,
      passing: 0,
      failing: 1,
      unknown: 2,
      waived: 0,
    });
    // A check's own score counts its info results; the box score does not.
    expect(card.byCheck.info).toEqual({
      score: 0,
      passing: 0,
      failing: 1,
      unknown: 0,
      waived: 0,
    });
    expect(Object.keys(card.byCheck)).toEqual(['a', 'b', 'info']);
  });

  it('has no score when nothing is decided', () => {
    expect(scoreOf([]).box.score).toBeNull();
    expect(scoreOf([r('a', 'u', 'unknown')]).box).toEqual({
      score: null,
      passing: 0,
      failing: 0,
      unknown: 1,
      waived: 0,
    });
  });
});
