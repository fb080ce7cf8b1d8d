import { lookup, lookupNonEmpty } from '../unit/lookup';
import type { UnitReport } from './report';

/** What podman's `ConvertVolume` refuses. */
export function validateVolume(report: UnitReport): void {
  const u = report.unit.effective;
  const driver = lookup(u, 'Volume', 'Driver');
  if (driver?.value === 'image') {
    if (!lookup(u, 'Volume', 'Image')) {
      report.error(
        driver.entry,
        'quadlet/volume-image-missing',
        'the key Image is mandatory when using the image driver',
      );
    }
    return;
  }
  const type = lookupNonEmpty(u, 'Volume', 'Type');
  if (type && !lookupNonEmpty(u, 'Volume', 'Device')) {
    report.error(
      type.entry,
      'quadlet/volume-type-without-device',
      "key Type can't be used without Device",
    );
  }
}
