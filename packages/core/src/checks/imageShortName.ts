import { docsAnchor, Reporter } from './report';
import { imageUses } from './imageUses';
import type { CheckDefinition } from './types';

const ID = 'image-short-name';

export const imageShortName: CheckDefinition = {
  id: ID,
  title: 'Image without a registry (short name)',
  severity: 'error',
  rationale:
    'Podman resolves a short name (`redis:7`) through `registries.conf`; with `short-name-mode="enforcing"` and no ' +
    'TTY (systemd, `podman auto-update`, bootc updates) an ambiguous short name fails the pull, and an alias list ' +
    'may pick another registry than the one the author meant.',
  remediation:
    'Write the fully qualified name, registry included: `docker.io/library/redis:7-alpine`.',
  fixableByBump: true,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const report = new Reporter(imageShortName, context);
    for (const { image, subject, detail } of imageUses(context)) {
      if (image.kind !== 'registry') continue;
      if (image.shortName) {
        const full = image.normalized ? `; write \`${image.normalized}\`` : '';
        report.fail(
          subject,
          image.source,
          `\`${image.text}\` names no registry${full}`,
          detail,
        );
      } else {
        report.pass(
          subject,
          image.source,
          `\`${image.text}\` names its registry (${
            image.registry ?? 'registry'
          })`,
          detail,
        );
      }
    }
    return report.results;
  },
};
