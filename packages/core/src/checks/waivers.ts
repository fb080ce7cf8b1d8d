import { waiverExpired } from '../policy/waiverExpiry';
import type { Waiver } from '../policy/types';
import { unitBaseName } from './subjects';
import type { AppliedWaiver, CheckResult } from './types';

/** Every name a waiver's `entity` may use for the result's subject, lowercased. */
export function namesOfResult(result: CheckResult): Set<string> {
  const names = [result.entity, result.entityName];
  if (result.entityRef) {
    names.push(
      result.entityRef,
      result.entityRef.slice(result.entityRef.indexOf(':') + 1),
    );
  }
  if (result.entityKind === 'unit' || result.entityKind === 'systemd-unit') {
    const base = unitBaseName(result.entityName);
    names.push(
      base,
      `${base}.service`,
      result.entity.slice(result.entity.indexOf(':') + 1),
    );
  } else {
    names.push(result.entity.slice(result.entity.indexOf(':') + 1));
  }
  return new Set(names.map(n => n.toLowerCase()));
}

export function waiverMatches(waiver: Waiver, result: CheckResult): boolean {
  if (waiver.check !== result.checkId) return false;
  if (waiver.detail !== undefined && waiver.detail !== result.detail)
    return false;
  return (
    waiver.entity === '*' ||
    namesOfResult(result).has(waiver.entity.toLowerCase())
  );
}

export interface WaiverUse {
  waiver: Waiver;
  /** Failing results it matched (applied or, when expired, only annotated). */
  matchedFailures: number;
  /** Results of any status it matched. */
  matched: number;
  expired: boolean;
}

/**
 * Applies the policy's waivers to failing results: a live waiver turns `fail` into `waived`;
 * an expired one leaves `fail` and says so in the message and in `waiver.expired`. Pass and
 * unknown results are never waived (there is nothing to accept, or nothing decided yet).
 * Returns how each waiver was used, for the stale-entry check.
 */
export function applyWaivers(
  results: CheckResult[],
  waivers: readonly Waiver[],
  now: Date,
): WaiverUse[] {
  const uses: WaiverUse[] = waivers.map(waiver => ({
    waiver,
    matchedFailures: 0,
    matched: 0,
    expired: waiverExpired(waiver, now),
  }));
  for (const result of results) {
    // A live waiver wins over an expired one for the same finding.
    const matching = uses
      .filter(u => waiverMatches(u.waiver, result))
      .sort((a, b) => Number(a.expired) - Number(b.expired));
    for (const use of matching) use.matched++;
    if (result.status !== 'fail' || matching.length === 0) continue;
    const use = matching[0];
    use.matchedFailures++;
    const { waiver } = use;
    const applied: AppliedWaiver = {
      reason: waiver.reason,
      decision: waiver.decision,
      expires: waiver.expires,
      expired: use.expired,
    };
    if (waiver.source) {
      applied.tree = waiver.source.tree;
      applied.file = waiver.source.path;
      applied.line = waiver.source.line;
    }
    result.waiver = applied;
    if (use.expired) {
      result.message += ` (waiver expired on ${waiver.expires}: ${waiver.reason}, ${waiver.decision})`;
    } else {
      result.status = 'waived';
      result.message += ` (waived until ${waiver.expires}: ${waiver.reason}, ${waiver.decision})`;
    }
  }
  return uses;
}
