import { lookupNonEmpty } from '../unit/lookup';
import type { UnitReport } from './report';

/** An `.artifact` unit must name the artifact to pull. */
export function validateArtifact(report: UnitReport): void {
  if (!lookupNonEmpty(report.unit.effective, 'Artifact', 'Artifact')) {
    report.error(
      report.own(),
      'quadlet/no-artifact',
      'no Artifact key specified',
    );
  }
}
