import type { UnitDocument } from './unitDocument';
import { baseName } from './unitName';

/** One assignment of the merged unit, remembering the file and line it came from. */
export interface EffectiveEntry {
  section: string;
  key: string;
  /** Raw value as podman stores it (see `UnitEntry.value`). */
  value: string;
  file: string;
  line: number;
}

export interface SectionOrigin {
  file: string;
  line: number;
}

/**
 * A unit as podman sees it after merging drop-ins: sections in order of first
 * appearance, each with its entries in merge order (the unit's own, then each drop-in).
 */
export interface EffectiveUnit {
  /** The name the unit is loaded as, e.g. `web@blue.container`. */
  fileName: string;
  /** Path of the main file (for an instance read from its template: the template's path). */
  path: string;
  /** Main file then drop-ins, in merge order. */
  sources: string[];
  sectionOrder: string[];
  sections: Map<string, EffectiveEntry[]>;
  /** Where each section first appears. */
  sectionOrigins: Map<string, SectionOrigin>;
}

/**
 * Merges a unit with its drop-ins the way podman's `UnitFile.Merge` does: every entry of a
 * drop-in is appended to its section, so list keys accumulate, `Key=` resets them and
 * single-value keys take the last value.
 */
export function buildEffectiveUnit(
  main: UnitDocument,
  dropIns: readonly UnitDocument[] = [],
  fileName: string = baseName(main.path),
): EffectiveUnit {
  const sources = [main.path];
  for (let i = 0; i < dropIns.length; i++) sources.push(dropIns[i].path);
  const unit: EffectiveUnit = {
    fileName,
    path: main.path,
    sources,
    sectionOrder: [],
    sections: new Map(),
    sectionOrigins: new Map(),
  };
  // Plain loops: this runs for every unit of a box, with and without drop-ins.
  for (let d = -1; d < dropIns.length; d++) {
    const doc = d < 0 ? main : dropIns[d];
    for (const item of doc.items) {
      if (item.kind === 'section') {
        if (!unit.sections.has(item.name)) {
          unit.sections.set(item.name, []);
          unit.sectionOrder.push(item.name);
          unit.sectionOrigins.set(item.name, {
            file: doc.path,
            line: item.line,
          });
        }
      } else if (item.kind === 'entry' && item.section !== undefined) {
        // The parsed entry already carries file and line: share it rather than copy it.
        unit.sections.get(item.section)!.push(item as EffectiveEntry);
      }
    }
  }
  return unit;
}
