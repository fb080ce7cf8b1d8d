import { docsAnchor, Reporter } from './report';
import { imageUses } from './imageUses';
import type { CheckDefinition } from './types';

const ID = 'image-tag-missing';

export const imageTagMissing: CheckDefinition = {
  id: ID,
  title: 'Image tag or digest not found in the registry',
  severity: 'error',
  rationale:
    'A reference the registry does not serve cannot be pulled: the unit fails on the next fresh install, image ' +
    'prune or `podman auto-update`, even if an old copy still runs today.',
  remediation:
    'Point `Image=` at a tag or digest the registry has (the image-bump action proposes the current one), or push ' +
    'the missing image. Online only: offline runs report `unknown`.',
  fixableByBump: true,
  docs: docsAnchor(ID),
  online: true,
  run(context) {
    const report = new Reporter(imageTagMissing, context);
    const facts = context.online?.images;
    for (const { image, subject, detail } of imageUses(context)) {
      if (image.kind !== 'registry' || !image.normalized) continue;
      const fact = facts?.[image.normalized];
      const what = image.digest ? 'digest' : 'tag';
      if (!facts) {
        report.unknown(
          subject,
          image.source,
          `registry not asked about \`${image.normalized}\` (offline run)`,
          detail,
        );
      } else if (!fact || fact.status === 'unknown') {
        const why = fact?.error ? `: ${fact.error}` : '';
        report.unknown(
          subject,
          image.source,
          `registry ${image.registry ?? ''} gave no answer for \`${
            image.normalized
          }\`${why}`,
          detail,
        );
      } else if (fact.status === 'not-found') {
        report.fail(
          subject,
          image.source,
          `${image.registry ?? 'the registry'} has no ${what} \`${
            image.digest ?? image.tag ?? 'latest'
          }\` for ${image.repository ?? image.normalized}`,
          detail,
        );
      } else {
        const resolved =
          fact.digest && !image.digest ? ` (resolves to ${fact.digest})` : '';
        report.pass(
          subject,
          image.source,
          `\`${image.normalized}\` exists in the registry${resolved}`,
          detail,
        );
      }
    }
    return report.results;
  },
};
