import { lookupAllEntries, lookupLastEntry } from '../unit/lookup';
import { splitExecArgs } from '../unit/splitWords';
import { keyValueProblems } from '../unit/values';
import type { UnitReport } from './report';
import type { QuadletType } from './unitTypes';

interface SplitKeys {
  /** Read with `LookupLastArgs` (only the last entry counts). */
  last: string[];
  /** Read with `LookupAllArgs`. */
  all: string[];
  /** Read as `KEY=VALUE` words. */
  keyValues: string[];
}

const COMMON = ['PodmanArgs', 'GlobalArgs'];

/** Which keys podman splits exec-style, per unit type. */
const SPLIT_KEYS: Record<QuadletType, SplitKeys> = {
  container: {
    last: ['Exec', 'ReloadCmd'],
    all: [...COMMON, 'Mask', 'Unmask', 'EnvironmentFile', 'Secret', 'Mount'],
    keyValues: ['Environment', 'Label', 'Annotation'],
  },
  volume: { last: [], all: COMMON, keyValues: ['Label'] },
  network: { last: [], all: COMMON, keyValues: ['Label', 'Options'] },
  kube: { last: [], all: COMMON, keyValues: [] },
  image: { last: [], all: COMMON, keyValues: [] },
  build: {
    last: [],
    all: [...COMMON, 'Secret'],
    keyValues: ['Environment', 'Label', 'Annotation'],
  },
  pod: { last: [], all: COMMON, keyValues: ['Label'] },
  artifact: { last: [], all: COMMON, keyValues: [] },
};

/**
 * Values podman splits exec-style and then drops because of a bad escape (`\.`) — it warns
 * "unsupported escape char" — and `KEY=VALUE` lists where a word without `=` follows an
 * assignment, usually a value with spaces that lacks quotes.
 */
export function checkSplitValues(report: UnitReport): void {
  const { unit } = report;
  const section = unit.info.section;
  const keys = SPLIT_KEYS[unit.info.type];
  // Exec-style splitting is relaxed (quotes may stay open), so only a backslash can make it
  // fail: values without one are not split here at all.
  for (const key of keys.last) {
    const last = lookupLastEntry(unit.effective, section, key);
    if (!last || !last.value.includes('\\')) continue;
    const { error } = splitExecArgs(last.value);
    if (error) {
      report.warning(
        last,
        'quadlet/unsupported-escape',
        `${key}=: ${error}; podman ignores the value`,
      );
    }
  }
  for (const key of keys.all) {
    for (const entry of lookupAllEntries(unit.effective, section, key)) {
      if (!entry.value.includes('\\')) continue;
      const { error } = splitExecArgs(entry.value);
      if (error) {
        report.warning(
          entry,
          'quadlet/unsupported-escape',
          `${key}=: ${error}; podman ignores the value`,
        );
      }
    }
  }
  for (const key of keys.keyValues) {
    for (const entry of lookupAllEntries(unit.effective, section, key)) {
      const parsed = keyValueProblems(entry.value);
      if (!parsed) continue;
      if (parsed.error) {
        report.warning(
          entry,
          'quadlet/unsupported-escape',
          `${key}=: ${parsed.error}; podman ignores the value`,
        );
      }
      for (const word of parsed.strayWords) {
        report.warning(
          entry,
          'quadlet/unquoted-value',
          `${key}=: token ${JSON.stringify(
            word,
          )} has no '=' and follows a KEY=VALUE on the same line; an earlier value probably contains unquoted whitespace`,
        );
      }
    }
  }
}
