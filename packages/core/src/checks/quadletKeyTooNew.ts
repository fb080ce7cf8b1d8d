import type { InventoryUnit, SourceRef } from '../inventory/types';
import {
  compareVersions,
  keyInfo,
  quadletTypeInfo,
  type QuadletSection,
} from '../quadlet';
import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'quadlet-key-too-new';

/** Keys the inventory models in typed fields, with where each was written (the unit when it keeps no line). */
function modelledKeys(
  unit: InventoryUnit,
): { key: string; source: SourceRef }[] {
  const keys: { key: string; source: SourceRef | undefined }[] = [
    { key: 'Image', source: unit.image?.source },
    { key: 'PublishPort', source: unit.ports[0]?.source },
    { key: 'Volume', source: unit.volumes[0]?.source },
    { key: 'Network', source: unit.networks[0]?.source },
    { key: 'Environment', source: unit.environment[0]?.source },
    { key: 'EnvironmentFile', source: unit.envFiles[0]?.source },
    { key: 'Secret', source: unit.secrets[0]?.source },
    { key: 'Label', source: unit.labels[0]?.source },
    {
      key: 'GroupAdd',
      source: unit.groupAdd.length > 0 ? unit.source : undefined,
    },
    {
      key: 'AddDevice',
      source: unit.devices.length > 0 ? unit.source : undefined,
    },
    {
      key: 'PodmanArgs',
      source: unit.podmanArgs.length > 0 ? unit.source : undefined,
    },
    { key: 'Pod', source: unit.pod !== undefined ? unit.source : undefined },
    { key: 'Exec', source: unit.exec !== undefined ? unit.source : undefined },
  ];
  return keys.filter(
    (k): k is { key: string; source: SourceRef } => k.source !== undefined,
  );
}

export const quadletKeyTooNew: CheckDefinition = {
  id: ID,
  title: "Quadlet key or unit type newer than the box's podman",
  severity: 'error',
  rationale:
    'Quadlet refuses keys it does not know yet: a unit written against a newer podman than the box runs is ' +
    'skipped at `daemon-reload`, and its service does not exist. Keys appeared release by release (4.4 … 5.8).',
  remediation:
    "Use a key the box's podman knows (or `PodmanArgs=` with the equivalent flag), or upgrade podman in the OS " +
    'image and raise `podman.version` in the policy. Not applied when the policy names no podman version.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const version = context.policy.podman?.version;
    if (!version) return [];
    const report = new Reporter(quadletKeyTooNew, context);
    for (const unit of context.inventory.units) {
      const subject = subjects.unit(unit);
      const info = quadletTypeInfo(unit.type);
      let problems = 0;
      if (compareVersions(info.since, version) > 0) {
        problems++;
        report.fail(
          subject,
          unit.source,
          `\`${info.extension}\` units need podman ${info.since}; the box runs ${version}`,
          info.extension,
        );
      }
      const seen = new Set<string>();
      const keys = [
        ...unit.otherKeys.map(k => ({
          key: k.key,
          source: k.source,
          section: k.section,
        })),
        ...modelledKeys(unit).map(k => ({ ...k, section: info.section })),
      ];
      for (const { key, source, section } of keys) {
        if (seen.has(`${section}.${key}`)) continue;
        seen.add(`${section}.${key}`);
        const known = keyInfo(section as QuadletSection, key);
        if (!known || compareVersions(known.since, version) <= 0) continue;
        problems++;
        if (known.sinceKnown) {
          report.fail(
            subject,
            source,
            `\`${key}=\` needs podman ${known.since}; the box runs ${version}`,
            key,
          );
        } else {
          report.unknown(
            subject,
            source,
            `\`${key}=\` may need podman ${known.since} (release not confirmed); the box runs ${version}`,
            key,
          );
        }
      }
      if (problems === 0)
        report.pass(
          subject,
          unit.source,
          `${unit.name} uses only keys podman ${version} knows`,
        );
    }
    return report.results;
  },
};
