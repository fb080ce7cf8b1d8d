import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { ScorecardFinding } from '@quadlet-portal/plugin-scorecard-common';

/** Topic of every scorecard notification, so people can mute it in their settings. */
export const NOTIFICATION_TOPIC = 'quadlet-portal-scorecard';

/** How many findings the description names before "and N more". */
const LISTED = 5;

/**
 * Tells the box owner (an entity ref: a group's members, or a user) about failures that did
 * not fail in the previous run, linking to the box's scorecard page.
 */
export async function notifyNewFailures(
  notifications: NotificationService,
  options: {
    box: string;
    owner: string;
    runId: number;
    link: string;
    findings: readonly ScorecardFinding[];
  },
): Promise<void> {
  const { findings } = options;
  const count = findings.length;
  const listed = findings
    .slice(0, LISTED)
    .map(
      f =>
        `${f.checkId} on ${f.entityName}${
          f.file
            ? ` (${f.tree ? `${f.tree}:` : ''}${f.file}:${f.line ?? 1})`
            : ''
        }`,
    );
  const more = count > LISTED ? [`and ${count - LISTED} more`] : [];
  await notifications.send({
    recipients: { type: 'entity', entityRef: options.owner },
    payload: {
      title: `Scorecard ${options.box}: ${count} new failing finding${
        count === 1 ? '' : 's'
      }`,
      description: [...listed, ...more].join('; '),
      link: options.link,
      severity: findings.some(f => f.severity === 'error') ? 'high' : 'normal',
      topic: NOTIFICATION_TOPIC,
      scope: `${NOTIFICATION_TOPIC}:${options.box}:${options.runId}`,
    },
  });
}
