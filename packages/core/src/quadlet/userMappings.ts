import {
  lookup,
  lookupAllStrv,
  lookupLastEntry,
  lookupNonEmpty,
} from '../unit/lookup';
import type { UnitReport } from './report';

/**
 * User-namespace keys, checked as podman's `handleUserMappings` does: explicit mappings
 * (`UserNS=`, `UIDMap=`, `GIDMap=`, `SubUIDMap=`, `SubGIDMap=`) exclude the deprecated
 * `Remap*` keys; otherwise `RemapUsers=` must be a mode the unit type supports.
 */
export function checkUserMappings(
  report: UnitReport,
  supportManual: boolean,
): void {
  const { unit } = report;
  const u = unit.effective;
  const section = unit.info.section;
  const explicit =
    lookupNonEmpty(u, section, 'UserNS')?.entry ??
    lookupAllStrv(u, section, 'UIDMap')[0]?.entry ??
    lookupAllStrv(u, section, 'GIDMap')[0]?.entry ??
    lookupNonEmpty(u, section, 'SubUIDMap')?.entry ??
    lookupNonEmpty(u, section, 'SubGIDMap')?.entry;
  const remapUsers = lookupLastEntry(u, section, 'RemapUsers');

  if (explicit) {
    const remap =
      lookup(u, section, 'RemapUid') ?? lookup(u, section, 'RemapGid');
    const place = remapUsers ?? remap?.entry;
    if (place) {
      report.error(
        place,
        'quadlet/remap-with-mappings',
        'deprecated Remap keys are set along with explicit mapping keys',
      );
    }
    return;
  }

  const uidMaps = lookupAllStrv(u, section, 'RemapUid');
  const gidMaps = lookupAllStrv(u, section, 'RemapGid');
  const mode = remapUsers?.value ?? '';
  switch (mode) {
    case '':
      if (uidMaps.length > 0) {
        report.error(
          uidMaps[0].entry,
          'quadlet/remap-without-mode',
          'UidMap set without RemapUsers',
        );
      } else if (gidMaps.length > 0) {
        report.error(
          gidMaps[0].entry,
          'quadlet/remap-without-mode',
          'GidMap set without RemapUsers',
        );
      }
      break;
    case 'manual':
      if (!supportManual) {
        report.error(
          remapUsers!,
          'quadlet/remap-unsupported',
          'RemapUsers=manual is not supported',
        );
      }
      break;
    case 'auto':
      break;
    case 'keep-id':
      if (uidMaps.length > 1) {
        report.error(
          uidMaps[1].entry,
          'quadlet/remap-unsupported',
          'RemapUsers=keep-id supports only a single value for UID mapping',
        );
      }
      if (gidMaps.length > 1) {
        report.error(
          gidMaps[1].entry,
          'quadlet/remap-unsupported',
          'RemapUsers=keep-id supports only a single value for GID mapping',
        );
      }
      break;
    default:
      report.error(
        remapUsers!,
        'quadlet/remap-unsupported',
        `unsupported RemapUsers option '${mode}'`,
      );
  }
}
