import {
  lookup,
  lookupAll,
  lookupLastArgs,
  lookupNonEmpty,
} from '../unit/lookup';
import { checkServiceSettings } from './checkKeys';
import type { UnitReport } from './report';
import { isFullyQualifiedImageName, shortNameWarning } from './shortName';
import { checkUserMappings } from './userMappings';

/** `ExposeHostPort=` as podman's unanchored `\d+(-\d+)?(/udp|/tcp)?$` accepts it. */
export function isPortRange(port: string): boolean {
  let p = port;
  if (p.endsWith('/udp') || p.endsWith('/tcp')) {
    p = p.slice(0, -4);
  }
  const last = p.charCodeAt(p.length - 1);
  return last >= 48 && last <= 57;
}

/** Warns like podman when `Image=` is a short name (resolution then depends on registries.conf). */
export function checkShortName(report: UnitReport): void {
  const { unit } = report;
  const image = lookup(unit.effective, unit.info.section, 'Image');
  if (
    !image ||
    image.value.endsWith('.image') ||
    image.value.endsWith('.build')
  ) {
    return;
  }
  if (!isFullyQualifiedImageName(image.value)) {
    report.warning(
      image.entry,
      'quadlet/short-name',
      shortNameWarning(unit.fileName, image.value),
    );
  }
}

/** What podman's `ConvertContainer` refuses or warns about. */
export function validateContainer(report: UnitReport): void {
  const u = report.unit.effective;
  const image = lookupNonEmpty(u, 'Container', 'Image');
  const rootfs = lookupNonEmpty(u, 'Container', 'Rootfs');
  if (!image && !rootfs) {
    report.error(
      report.own(),
      'quadlet/no-image',
      'no Image or Rootfs key specified',
    );
  } else if (image && rootfs) {
    report.error(
      rootfs.entry,
      'quadlet/image-and-rootfs',
      'the Image And Rootfs keys conflict can not be specified together',
    );
  }
  checkShortName(report);
  checkServiceSettings(report);

  const user = lookupNonEmpty(u, 'Container', 'User');
  const group = lookupNonEmpty(u, 'Container', 'Group');
  if (group && !user) {
    report.error(
      group.entry,
      'quadlet/group-without-user',
      'invalid Group set without User',
    );
  }
  checkUserMappings(report, true);

  for (const { value, entry } of lookupAll(u, 'Container', 'ExposeHostPort')) {
    const port = value.trim();
    if (!isPortRange(port)) {
      report.error(
        entry,
        'quadlet/invalid-port',
        `invalid port format '${port}'`,
      );
    }
  }

  const signal = lookupNonEmpty(u, 'Container', 'ReloadSignal');
  const reload = lookupLastArgs(u, 'Container', 'ReloadCmd');
  if (signal && reload && reload.args.length > 0) {
    report.error(
      signal.entry,
      'quadlet/reload-conflict',
      'ReloadCmd and ReloadSignal are mutually exclusive but both are set',
    );
  }
}
