/**
 * Decision ids: `D-097` (the box's own records) and, as an extension, `ADR-0012`
 * (architecture decision records numbered by adr-tools and friends).
 *
 * Boundaries: an id is a whole word. It must not follow a letter, digit, `_` or `-`
 * (`ID-0971`, `UD-Q8`, `X-D-1` are not ids) and must not run on into a letter, digit or
 * `_`, nor into `.5` / `,5` / `-5` (`D-1.2`, `D-12-3` read as versions or ranges). It may
 * run on into `-word` (`D-167-digest-pinning.md`), `.`, `:`, `)`, and so on. Only the
 * upper-case prefixes count.
 *
 * Normalisation: ids are kept as written (`D-97`) and compared by number: their `key` is
 * the prefix with the number zero-padded to three digits for `D` (`D-097`) and four for
 * `ADR` (`ADR-0012`), so `D-97`, `D-097` and `D-0097` are the same decision.
 */
export type DecisionKind = 'D' | 'ADR';

export interface DecisionId {
  /** As written in the text. */
  id: string;
  kind: DecisionKind;
  number: number;
  /** Canonical form used to compare ids: `D-097`, `ADR-0012`. */
  key: string;
}

/** Global pattern; use with matchAll. */
export const DECISION_ID =
  /(?<![A-Za-z0-9_-])(D|ADR)-(\d{1,6})(?![A-Za-z0-9_]|[.,-]\d)/g;

export function decisionKey(kind: DecisionKind, number: number): string {
  return `${kind}-${String(number).padStart(kind === 'D' ? 3 : 4, '0')}`;
}

export function toDecisionId(kind: DecisionKind, digits: string): DecisionId {
  const number = Number(digits);
  return {
    id: `${kind}-${digits}`,
    kind,
    number,
    key: decisionKey(kind, number),
  };
}

/** Reads a string that is exactly one id (`D-097`), or returns null. */
export function parseDecisionId(text: string): DecisionId | null {
  const match = /^(D|ADR)-(\d{1,6})$/.exec(text.trim());
  return match ? toDecisionId(match[1] as DecisionKind, match[2]) : null;
}
