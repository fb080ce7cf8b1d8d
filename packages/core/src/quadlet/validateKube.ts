import { lookupAll } from '../unit/lookup';
import { checkServiceSettings } from './checkKeys';
import type { UnitReport } from './report';
import { checkUserMappings } from './userMappings';
import { checkSetWorkingDirectory } from './workingDirectory';

/** What podman's `ConvertKube` refuses. */
export function validateKube(report: UnitReport): void {
  const u = report.unit.effective;
  if (lookupAll(u, 'Kube', 'Yaml').length === 0) {
    report.error(report.own(), 'quadlet/no-yaml', 'no Yaml key specified');
  }
  checkServiceSettings(report);
  checkUserMappings(report, false);
  checkSetWorkingDirectory(report);
}
