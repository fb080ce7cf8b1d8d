import { diagnostic, type Diagnostic, type Severity } from '../diagnostic';
import type { QuadletUnit } from './loadQuadlets';

/** Somewhere in a file: an entry, a section header, or the whole file (line 0). */
export interface Place {
  file: string;
  line: number;
}

/** Collects a unit's semantic problems; messages follow podman's wording so they can be searched. */
export class UnitReport {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly unit: QuadletUnit) {}

  add(place: Place, severity: Severity, code: string, message: string) {
    this.diagnostics.push(
      diagnostic(place.file, place.line, severity, code, message),
    );
  }

  error(place: Place, code: string, message: string) {
    this.add(place, 'error', code, message);
  }

  warning(place: Place, code: string, message: string) {
    this.add(place, 'warning', code, message);
  }

  /** Where a section starts (falls back to the whole unit file). */
  section(name: string): Place {
    return (
      this.unit.effective.sectionOrigins.get(name) ?? {
        file: this.unit.path,
        line: 0,
      }
    );
  }

  /** The unit's own section (`[Container]`, `[Network]`…). */
  own(): Place {
    return this.section(this.unit.info.section);
  }
}
