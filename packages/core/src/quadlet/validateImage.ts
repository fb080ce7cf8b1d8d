import { lookupNonEmpty } from '../unit/lookup';
import type { UnitReport } from './report';
import { checkShortName } from './validateContainer';

/** An `.image` unit must name the image to pull. */
export function validateImage(report: UnitReport): void {
  if (!lookupNonEmpty(report.unit.effective, 'Image', 'Image')) {
    report.error(report.own(), 'quadlet/no-image', 'no Image key specified');
  }
  checkShortName(report);
}
