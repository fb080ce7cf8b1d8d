import { InfoCard, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ScorecardBoxSummary,
  ScorecardRunSummary,
} from '@quadlet-portal/plugin-scorecard-common';
import { formatTime, percent, plural } from '../format';
import { Tag } from './common/Tag';
import { RunNowButton } from './RunNowButton';

const useStyles = makeStyles(theme => ({
  top: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  score: { fontSize: 40, fontWeight: 700, lineHeight: 1.1 },
  tags: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: 6,
    margin: theme.spacing(1, 0),
  },
}));

/** The trees a run read: `dotfiles@3f2a9c1, harness@…`, or the source when no commit is known. */
export function treesText(run: ScorecardRunSummary): string {
  return run.trees
    .map(t => (t.commit ? `${t.name}@${t.commit.slice(0, 7)}` : t.name))
    .join(', ');
}

/**
 * One box: its score, the subjects behind it, when the latest run ran and what it read, what it
 * could not ask (offline), how many failures are new, and "Run now".
 */
export function BoxSummaryCard(props: {
  summary: ScorecardBoxSummary;
  newFailures: number;
  /** Link to the box's own overview; absent on that overview. */
  href?: string;
  onRunFinished: () => void;
}) {
  const classes = useStyles();
  const { summary } = props;
  const latest = summary.latest;
  const score = latest?.score;
  const title = summary.title
    ? `${summary.title} (${summary.box})`
    : summary.box;
  return (
    <InfoCard
      title={props.href ? <Link to={props.href}>{title}</Link> : title}
      subheader={
        latest
          ? `Run #${latest.id} · ${formatTime(
              latest.finishedAt ?? latest.startedAt,
            )}`
          : 'No run yet'
      }
    >
      <div className={classes.top}>
        <div>
          <Typography
            className={classes.score}
            aria-label={`Score of ${summary.box}: ${percent(score?.score)}`}
          >
            {percent(score?.score)}
          </Typography>
          {score && (
            <Typography variant="body2" color="textSecondary">
              {`${score.passing} of ${
                score.passing + score.failing
              } subjects pass`}
              {score.unknown ? ` · ${score.unknown} undecided` : ''}
            </Typography>
          )}
        </div>
        <RunNowButton
          box={summary.box}
          running={summary.running}
          onFinished={props.onRunFinished}
        />
      </div>
      {latest && (
        <>
          <div className={classes.tags}>
            {latest.counts && (
              <Tag tone={latest.counts.fail ? 'negative' : 'positive'}>
                {plural(latest.counts.fail, 'failure')}
              </Tag>
            )}
            {props.newFailures > 0 && (
              <Tag tone="new">{`${props.newFailures} new since the last run`}</Tag>
            )}
            {latest.counts && latest.counts.unknown > 0 && (
              <Tag tone="neutral">{`${latest.counts.unknown} unknown`}</Tag>
            )}
            {latest.counts && latest.counts.waived > 0 && (
              <Tag tone="info">{`${latest.counts.waived} waived`}</Tag>
            )}
          </div>
          <Typography variant="caption" display="block" color="textSecondary">
            {`Read ${treesText(latest)} · ${
              latest.trigger === 'manual' ? 'started by hand' : 'scheduled'
            }`}
          </Typography>
          {(!latest.online.images || !latest.online.knownBrokenIssues) && (
            <Typography variant="caption" display="block" color="textSecondary">
              {`Not asked: ${[
                !latest.online.images && 'registries',
                !latest.online.knownBrokenIssues && 'GitHub issues',
              ]
                .filter(Boolean)
                .join(' and ')} (their checks say unknown)`}
            </Typography>
          )}
        </>
      )}
      {!latest && (
        <Typography variant="body2" color="textSecondary">
          The box has not been checked yet. The weekly schedule runs it, or
          start a run now.
        </Typography>
      )}
    </InfoCard>
  );
}
