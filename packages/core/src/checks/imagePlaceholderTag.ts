import { docsAnchor, Reporter } from './report';
import { imageUses } from './imageUses';
import type { CheckDefinition } from './types';

const ID = 'image-placeholder-tag';

export const imagePlaceholderTag: CheckDefinition = {
  id: ID,
  title: 'Image tag holds an unfilled placeholder',
  severity: 'error',
  rationale:
    'A tag such as `v2026.416.0-pi0.x.y` was copied from a template and never filled in: no registry has it, so the ' +
    'pull fails the first time the unit starts on a fresh box.',
  remediation:
    'Replace the placeholder with the tag (and digest) that was actually built and pushed.',
  fixableByBump: true,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const report = new Reporter(imagePlaceholderTag, context);
    for (const { image, subject, detail } of imageUses(context)) {
      if (image.kind !== 'registry' || image.tag === undefined) continue;
      if (image.placeholder) {
        report.fail(
          subject,
          image.source,
          `\`${image.text}\`: tag \`${image.tag}\` holds an unfilled placeholder`,
          detail,
        );
      } else {
        report.pass(
          subject,
          image.source,
          `\`${image.text}\`: tag \`${image.tag}\` is concrete`,
          detail,
        );
      }
    }
    return report.results;
  },
};
