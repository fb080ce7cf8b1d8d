import { lookupAllEntries, lookupNonEmpty } from '../unit/lookup';
import type { UnitReport } from './report';
import { checkSetWorkingDirectory, isUrl } from './workingDirectory';

/** What podman's `ConvertBuild` refuses: no tag, or nothing to build from. */
export function validateBuild(report: UnitReport): void {
  const u = report.unit.effective;
  if (lookupAllEntries(u, 'Build', 'ImageTag').length === 0) {
    report.error(
      report.own(),
      'quadlet/no-image-tag',
      'no ImageTag key specified',
    );
  }
  const { context, workingDirectory } = checkSetWorkingDirectory(report);
  const file = lookupNonEmpty(u, 'Build', 'File');
  if (!workingDirectory && !file && context === '') {
    report.error(
      report.own(),
      'quadlet/nothing-to-build',
      'neither SetWorkingDirectory, nor File key specified',
    );
    return;
  }
  const filePath = file?.value ?? '';
  // A path starting with a specifier (`%h/…`) is taken as absolute.
  const absolute =
    filePath.startsWith('/') ||
    (filePath.startsWith('%') && !filePath.startsWith('%%'));
  if (context === '' && !absolute && !isUrl(filePath) && !workingDirectory) {
    report.error(
      file?.entry ?? report.own(),
      'quadlet/relative-file',
      'relative path in File key requires SetWorkingDirectory key to be set',
    );
  }
}
