import type { EffectiveEntry, EffectiveUnit } from './effectiveUnit';
import { splitExecArgs, splitStrv, type SplitError } from './splitWords';
import { parseBoolean, unquoteValue } from './values';

/**
 * Reads an effective unit the way podman's `UnitFile.Lookup*` methods do, keeping the
 * entry each value came from so callers can point at file and line.
 */

const NONE: readonly EffectiveEntry[] = [];

/** Keys of a section, each once, in order of first appearance. */
export function listKeys(unit: EffectiveUnit, section: string): string[] {
  const seen = new Set<string>();
  for (const e of unit.sections.get(section) ?? NONE) {
    seen.add(e.key);
  }
  return [...seen];
}

/** The last entry for `key`, empty or not. */
export function lookupLastEntry(
  unit: EffectiveUnit,
  section: string,
  key: string,
): EffectiveEntry | undefined {
  const entries = unit.sections.get(section) ?? NONE;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].key === key) return entries[i];
  }
  return undefined;
}

export function hasKey(
  unit: EffectiveUnit,
  section: string,
  key: string,
): boolean {
  return lookupLastEntry(unit, section, key) !== undefined;
}

/** A value read from an entry. */
export interface LookedUp<T = string> {
  value: T;
  entry: EffectiveEntry;
}

/** `Lookup()`: the last value, trailing blanks trimmed and surrounding double quotes removed. */
export function lookup(
  unit: EffectiveUnit,
  section: string,
  key: string,
): LookedUp | undefined {
  const entry = lookupLastEntry(unit, section, key);
  return entry ? { value: unquoteValue(entry.value), entry } : undefined;
}

/** `Lookup()` that treats an empty value as absent (podman's frequent `ok && len(v) > 0`). */
export function lookupNonEmpty(
  unit: EffectiveUnit,
  section: string,
  key: string,
): LookedUp | undefined {
  const found = lookup(unit, section, key);
  return found && found.value.length > 0 ? found : undefined;
}

/** `LookupBoolean()`. */
export function lookupBoolean(
  unit: EffectiveUnit,
  section: string,
  key: string,
): LookedUp<boolean> | undefined {
  const entry = lookupLastEntry(unit, section, key);
  return entry ? { value: parseBoolean(entry.value), entry } : undefined;
}

/** `LookupAll()`: every entry for `key`, an empty value clearing those before it. */
export function lookupAllEntries(
  unit: EffectiveUnit,
  section: string,
  key: string,
): EffectiveEntry[] {
  const out: EffectiveEntry[] = [];
  for (const e of unit.sections.get(section) ?? NONE) {
    if (e.key !== key) continue;
    if (e.value.length === 0) out.length = 0;
    else out.push(e);
  }
  return out;
}

/** `LookupAll()` values. */
export function lookupAll(
  unit: EffectiveUnit,
  section: string,
  key: string,
): LookedUp[] {
  // One pass, no intermediate list: this runs for many keys of every unit.
  const out: LookedUp[] = [];
  for (const entry of unit.sections.get(section) ?? NONE) {
    if (entry.key !== key) continue;
    if (entry.value.length === 0) out.length = 0;
    else out.push({ value: entry.value, entry });
  }
  return out;
}

/** `LookupAllStrv()`: every value split into words (quotes removed, backslashes kept). */
export function lookupAllStrv(
  unit: EffectiveUnit,
  section: string,
  key: string,
): LookedUp[] {
  const out: LookedUp[] = [];
  for (const entry of unit.sections.get(section) ?? NONE) {
    if (entry.key !== key) continue;
    if (entry.value.length === 0) {
      out.length = 0;
      continue;
    }
    for (const word of splitStrv(entry.value).words) {
      out.push({ value: word, entry });
    }
  }
  return out;
}

/** Exec-style words of one entry, or the split error that made podman drop it. */
export interface EntryArgs {
  args: string[];
  error?: SplitError;
  entry: EffectiveEntry;
}

/** `LookupAllArgs()` per entry (podman silently drops entries that fail to split). */
export function lookupAllArgs(
  unit: EffectiveUnit,
  section: string,
  key: string,
): EntryArgs[] {
  return lookupAllEntries(unit, section, key).map(entry => {
    const split = splitExecArgs(entry.value);
    return { args: split.words, error: split.error, entry };
  });
}

/** `LookupLastArgs()`: the last entry split exec-style (`Exec=`, `ReloadCmd=`). */
export function lookupLastArgs(
  unit: EffectiveUnit,
  section: string,
  key: string,
): EntryArgs | undefined {
  const entry = lookupLastEntry(unit, section, key);
  if (!entry) return undefined;
  const split = splitExecArgs(entry.value);
  return { args: split.words, error: split.error, entry };
}
