import type { UnitReport } from './report';
import { checkUserMappings } from './userMappings';

/** What podman's `ConvertPod` refuses (references are checked separately). */
export function validatePod(report: UnitReport): void {
  checkUserMappings(report, true);
}
