import { docsAnchor, Reporter } from './report';
import { imageUses } from './imageUses';
import type { CheckDefinition } from './types';

const ID = 'image-not-digest-pinned';

export const imageNotDigestPinned: CheckDefinition = {
  id: ID,
  title: 'Image not pinned by digest',
  severity: 'warning',
  rationale:
    'A tag can be moved to other bytes by whoever pushes to the registry; only `@sha256:` names exactly what runs. ' +
    'Digests make upgrades reviewed commits and rollbacks exact.',
  remediation:
    'Append the digest the tag resolves to, keeping the tag for people: `Image=docker.io/library/caddy:2-alpine@sha256:…`. ' +
    'The image-bump action writes it.',
  fixableByBump: true,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const report = new Reporter(imageNotDigestPinned, context);
    for (const { image, subject, detail } of imageUses(context)) {
      if (image.kind === 'templated') {
        report.unknown(
          subject,
          image.source,
          `image \`${image.text}\` is filled in by a template: its pin is known only once rendered`,
          detail,
        );
      } else if (image.kind === 'invalid') {
        report.unknown(
          subject,
          image.source,
          `\`${image.text}\` is not an image reference (${
            image.error ?? 'invalid'
          })`,
          detail,
        );
      } else if (image.kind === 'registry') {
        if (image.digest) {
          report.pass(
            subject,
            image.source,
            `\`${image.text}\` is pinned by digest`,
            detail,
          );
        } else {
          const tier =
            image.pinTier === 'floating' ? 'a floating tag' : 'a version tag';
          report.fail(
            subject,
            image.source,
            `\`${image.text}\` is pinned by ${tier}, not by digest`,
            detail,
          );
        }
      }
    }
    return report.results;
  },
};
