import { lookupAll, lookupNonEmpty } from '../unit/lookup';
import type { UnitReport } from './report';

/** Podman's `isURL`: `^(https?|git://)` or `github.com/…` anywhere. */
export function isUrl(candidate: string): boolean {
  return /^((https?)|(git):\/\/)|(github\.com\/).+$/.test(candidate);
}

export interface WorkingDirectoryOutcome {
  /** Build context passed last to `podman build` (`SetWorkingDirectory=` path or URL). */
  context: string;
  /** The `[Service] WorkingDirectory=` the service ends up with, if any. */
  workingDirectory?: string;
}

/**
 * `SetWorkingDirectory=` of `.kube` and `.build` units, as podman's
 * `handleSetWorkingDirectory` reads it: `yaml` (kube), `file` (build), `unit`, or for builds
 * any path or URL used as the build context.
 */
export function checkSetWorkingDirectory(
  report: UnitReport,
): WorkingDirectoryOutcome {
  const { unit } = report;
  const u = unit.effective;
  const section = unit.info.section;
  const serviceWd = lookupNonEmpty(u, 'Service', 'WorkingDirectory');
  const outcome: WorkingDirectoryOutcome = {
    context: '',
    workingDirectory: serviceWd?.value,
  };
  const swd = lookupNonEmpty(u, section, 'SetWorkingDirectory');
  if (!swd) {
    return outcome;
  }
  let relativeTo = '';
  switch (swd.value.toLowerCase()) {
    case 'yaml': {
      if (unit.info.type !== 'kube') {
        report.error(
          swd.entry,
          'quadlet/working-directory',
          `SetWorkingDirectory=${swd.value} is only supported in .kube files`,
        );
        return outcome;
      }
      const yamls = lookupAll(u, 'Kube', 'Yaml');
      if (yamls.length > 1) {
        report.error(
          swd.entry,
          'quadlet/working-directory',
          'SetWorkingDirectory=yaml is only supported when a single Yaml key is provided',
        );
        return outcome;
      }
      if (yamls.length === 0) {
        return outcome; // "no Yaml key specified" is reported for the unit
      }
      relativeTo = yamls[0].value;
      break;
    }
    case 'file': {
      if (unit.info.type !== 'build') {
        report.error(
          swd.entry,
          'quadlet/working-directory',
          `SetWorkingDirectory=${swd.value} is only supported in .build files`,
        );
        return outcome;
      }
      const file = lookupNonEmpty(u, 'Build', 'File');
      if (!file) {
        report.error(
          swd.entry,
          'quadlet/working-directory',
          'no File key specified',
        );
        return outcome;
      }
      relativeTo = file.value;
      break;
    }
    case 'unit':
      relativeTo = unit.path;
      break;
    default:
      if (unit.info.type !== 'build') {
        report.error(
          swd.entry,
          'quadlet/working-directory',
          `unsupported value for WorkingDirectory: ${swd.value}`,
        );
        return outcome;
      }
      outcome.context = swd.value;
      if (!swd.value.startsWith('/')) {
        relativeTo = unit.path;
      }
  }
  if (relativeTo !== '' && !isUrl(outcome.context)) {
    if (serviceWd) {
      // Podman keeps an explicit WorkingDirectory= and then drops the context.
      return { context: '', workingDirectory: serviceWd.value };
    }
    const slash = relativeTo.lastIndexOf('/');
    outcome.workingDirectory = slash > 0 ? relativeTo.slice(0, slash) : '.';
  }
  return outcome;
}
