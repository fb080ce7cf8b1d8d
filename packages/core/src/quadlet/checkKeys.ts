import { lookup, lookupLastEntry } from '../unit/lookup';
import type { UnitReport } from './report';
import { isQuadletSection, isSupportedKey } from './supportedKeys';

/** `[Service]` keys podman accepts but warns about: they break how it runs containers. */
export const DISCOURAGED_SERVICE_KEYS = [
  'User',
  'Group',
  'DynamicUser',
] as const;

/**
 * Unknown keys in the unit's own section and in `[Quadlet]` make podman refuse the unit
 * ("unsupported key … in group …"); podman stops at the first, we list them all.
 */
export function checkUnknownKeys(report: UnitReport): void {
  const { unit } = report;
  for (const section of [unit.info.section, 'Quadlet'] as const) {
    const reported = new Set<string>();
    for (const entry of unit.effective.sections.get(section) ?? []) {
      if (!reported.has(entry.key) && !isSupportedKey(section, entry.key)) {
        reported.add(entry.key);
        report.error(
          entry,
          'quadlet/unknown-key',
          `unsupported key '${entry.key}' in group '${section}' in ${unit.path}`,
        );
      }
    }
  }
}

/** `User=`, `Group=`, `DynamicUser=` in `[Service]`: podman warns and carries on. */
export function checkServiceKeys(report: UnitReport): void {
  for (const key of DISCOURAGED_SERVICE_KEYS) {
    const entry = lookupLastEntry(report.unit.effective, 'Service', key);
    if (entry) {
      report.warning(
        entry,
        'quadlet/service-key',
        `using key ${key} in the Service group is not supported`,
      );
    }
  }
}

/** Sections systemd knows, besides the quadlet ones and `X-…` extensions. */
const SYSTEMD_SECTIONS = new Set(['Unit', 'Service', 'Install']);

/**
 * Sections nobody reads: another type's quadlet section (`[Volume]` in a `.container`) or a
 * typo. systemd logs and ignores unknown sections in the generated service.
 */
export function checkSections(report: UnitReport): void {
  const { unit } = report;
  for (const name of unit.effective.sectionOrder) {
    if (
      name === unit.info.section ||
      name === 'Quadlet' ||
      SYSTEMD_SECTIONS.has(name) ||
      name.startsWith('X-')
    ) {
      continue;
    }
    const where = unit.effective.sectionOrigins.get(name)!;
    const why = isQuadletSection(name)
      ? `[${name}] is read only in .${name.toLowerCase()} files, not in ${
          unit.info.extension
        } files`
      : `unknown section [${name}]: systemd ignores it`;
    report.warning(where, 'quadlet/unknown-section', why);
  }
}

/** Only `KillMode=mixed|control-group` and `Type=notify|oneshot` work for containers and kubes. */
export function checkServiceSettings(report: UnitReport): void {
  const { unit } = report;
  const killMode = lookup(unit.effective, 'Service', 'KillMode');
  if (
    killMode &&
    killMode.value !== 'mixed' &&
    killMode.value !== 'control-group'
  ) {
    report.error(
      killMode.entry,
      'quadlet/invalid-kill-mode',
      `invalid KillMode '${killMode.value}'`,
    );
  }
  const type = lookup(unit.effective, 'Service', 'Type');
  if (type && type.value !== 'notify' && type.value !== 'oneshot') {
    report.error(
      type.entry,
      'quadlet/invalid-service-type',
      `invalid service Type '${type.value}'`,
    );
  }
}
