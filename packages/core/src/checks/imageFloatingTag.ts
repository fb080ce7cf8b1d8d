import { docsAnchor, Reporter } from './report';
import { imageUses } from './imageUses';
import type { CheckDefinition } from './types';

const ID = 'image-floating-tag';

export const imageFloatingTag: CheckDefinition = {
  id: ID,
  title: 'Image on a floating tag',
  severity: 'warning',
  rationale:
    'A floating tag (`latest`, `main`, `stable`, `vulkan`, or no tag at all) follows a branch: every pull may bring a ' +
    'different release, so a restart can upgrade the service unreviewed and two boxes with the same files can differ.',
  remediation:
    'Pin a version tag and its digest (`:1.4.5@sha256:…`). If the floating tag is a deliberate choice, waive the ' +
    'finding in the policy with the decision that allows it and an expiry date.',
  fixableByBump: true,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const report = new Reporter(imageFloatingTag, context);
    for (const { image, subject, detail } of imageUses(context)) {
      if (image.kind !== 'registry') continue;
      if (image.digest) {
        report.pass(
          subject,
          image.source,
          `\`${image.text}\` is pinned by digest`,
          detail,
        );
      } else if (image.pinTier === 'floating') {
        const what = image.tag
          ? `is on floating tag \`${image.tag}\``
          : 'has no tag: podman pulls `latest`';
        report.fail(subject, image.source, `\`${image.text}\` ${what}`, detail);
      } else {
        report.pass(
          subject,
          image.source,
          `\`${image.text}\` carries a version tag`,
          detail,
        );
      }
    }
    return report.results;
  },
};
