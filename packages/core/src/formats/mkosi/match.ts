import { MkosiDocument } from './parse';

/** Three-valued: a condition on a setting nobody has set yet cannot be decided from the repo. */
export type MatchResult = 'yes' | 'no' | 'unknown';

export interface MkosiMatchCondition {
  key: string;
  /** The value without its `|` and `!` prefixes. */
  value: string;
  /** `!value`: the condition holds when the setting does *not* match. */
  negate: boolean;
  /** `|value`: one of the triggering conditions, joined by OR. */
  trigger: boolean;
  line: number;
}

/** One `[Match]` or `[TriggerMatch]` section. */
export interface MkosiMatchSection {
  kind: 'Match' | 'TriggerMatch';
  line: number;
  conditions: MkosiMatchCondition[];
}

export function readMatchSections(
  document: MkosiDocument,
): MkosiMatchSection[] {
  return document.sections
    .filter(
      section => section.name === 'Match' || section.name === 'TriggerMatch',
    )
    .map(section => ({
      kind: section.name as 'Match' | 'TriggerMatch',
      line: section.line,
      conditions: section.assignments.map(assignment => {
        let value = assignment.value;
        const trigger = value.startsWith('|');
        if (trigger) value = value.slice(1);
        const negate = value.startsWith('!');
        if (negate) value = value.slice(1);
        return {
          key: assignment.key,
          value,
          negate,
          trigger,
          line: assignment.line,
        };
      }),
    }));
}

function not(result: MatchResult): MatchResult {
  if (result === 'unknown') return result;
  return result === 'yes' ? 'no' : 'yes';
}

function and(results: MatchResult[]): MatchResult {
  if (results.includes('no')) return 'no';
  return results.includes('unknown') ? 'unknown' : 'yes';
}

function or(results: MatchResult[]): MatchResult {
  if (results.includes('yes')) return 'yes';
  return results.includes('unknown') ? 'unknown' : 'no';
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('')
    .map(char => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** Settings the evaluator can compare; any other condition is `unknown`. */
const COMPARABLE = new Set([
  'Distribution',
  'Release',
  'Architecture',
  'Format',
  'ImageId',
  'ImageVersion',
]);

function evaluateCondition(
  condition: MkosiMatchCondition,
  current: (key: string) => string | undefined,
): MatchResult {
  if (!COMPARABLE.has(condition.key)) return 'unknown';
  const value = current(condition.key);
  if (value === undefined) return 'unknown';
  const matches =
    condition.key === 'ImageId'
      ? globToRegExp(condition.value).test(value)
      : condition.value === value;
  const result: MatchResult = matches ? 'yes' : 'no';
  return condition.negate ? not(result) : result;
}

function evaluateSection(
  section: MkosiMatchSection,
  current: (key: string) => string | undefined,
): MatchResult {
  const plain = section.conditions.filter(condition => !condition.trigger);
  const triggers = section.conditions.filter(condition => condition.trigger);
  const results = plain.map(condition => evaluateCondition(condition, current));
  if (triggers.length > 0)
    results.push(
      or(triggers.map(condition => evaluateCondition(condition, current))),
    );
  return and(results);
}

/**
 * mkosi includes a file when every `[Match]` section holds and, if there are
 * `[TriggerMatch]` sections, at least one of them holds. Within a section, plain
 * conditions are ANDed and `|` conditions ORed. Values are compared with the settings
 * as merged so far (mkosi does the same: later files cannot influence earlier matches).
 */
export function evaluateMatch(
  sections: readonly MkosiMatchSection[],
  current: (key: string) => string | undefined,
): MatchResult {
  const matches = sections.filter(section => section.kind === 'Match');
  const triggers = sections.filter(section => section.kind === 'TriggerMatch');
  const results = matches.map(section => evaluateSection(section, current));
  if (triggers.length > 0)
    results.push(
      or(triggers.map(section => evaluateSection(section, current))),
    );
  return and(results);
}
