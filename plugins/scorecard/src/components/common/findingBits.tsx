import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ScorecardFinding,
  ScorecardSeverity,
  ScorecardStatus,
} from '@quadlet-portal/plugin-scorecard-common';
import { Fragment, type ReactNode } from 'react';
import { placeText, subjectName } from '../../findingRows';
import { waiverState } from '../../waivers';
import { Mono } from './Mono';
import { Tag, type TagTone } from './Tag';

const STATUS_TONE: Record<ScorecardStatus, TagTone> = {
  fail: 'negative',
  unknown: 'neutral',
  waived: 'info',
  pass: 'positive',
};

const STATUS_TITLE: Record<ScorecardStatus, string> = {
  fail: 'The check failed on this subject',
  unknown:
    'The check could not decide (registry or GitHub not asked, templated value); never counted as a pass',
  waived: 'Failing, but accepted by a live waiver of the policy',
  pass: 'The check passed',
};

export function StatusTag(props: { status: ScorecardStatus }) {
  return (
    <Tag tone={STATUS_TONE[props.status]} title={STATUS_TITLE[props.status]}>
      {props.status}
    </Tag>
  );
}

const SEVERITY_TONE: Record<ScorecardSeverity, TagTone> = {
  error: 'negative',
  warning: 'warning',
  info: 'neutral',
};

export function SeverityTag(props: { severity: ScorecardSeverity }) {
  return <Tag tone={SEVERITY_TONE[props.severity]}>{props.severity}</Tag>;
}

/** Marks a failure that did not fail in the box's previous successful run. */
export function NewBadge() {
  return (
    <Tag tone="new" title="Fails in this run, not in the previous one">
      new
    </Tag>
  );
}

const usePlaceStyles = makeStyles(theme => ({
  folder: {
    display: 'block',
    marginTop: 2,
    color: theme.palette.text.secondary,
  },
}));

/** Lets a long path break after each `/` rather than mid-name. */
function breakable(path: string): ReactNode {
  const parts = path.split('/');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

/**
 * The file and line of a finding, linked to that line when the tree is browsable (GitHub trees;
 * a local folder has no web view). `split` shows `piler.container:1` with its tree and folder
 * in small print below, for narrow table cells; otherwise `tree:path:line` on one line.
 */
export function SourcePlace(props: {
  finding: ScorecardFinding;
  split?: boolean;
}) {
  const classes = usePlaceStyles();
  const { finding } = props;
  const full = placeText(finding);
  if (!full || !finding.file) return null;
  const slash = finding.file.lastIndexOf('/');
  const name = `${finding.file.slice(slash + 1)}${
    finding.line && finding.line > 0 ? `:${finding.line}` : ''
  }`;
  const folder = `${finding.tree ? `${finding.tree}:` : ''}${finding.file.slice(
    0,
    slash + 1,
  )}`;
  const label = <Mono>{props.split ? name : breakable(full)}</Mono>;
  const linked =
    finding.url && /^https?:\/\//i.test(finding.url) ? (
      <Link to={finding.url} title={`Open ${full}`}>
        {label}
      </Link>
    ) : (
      <span title={`${full} (local tree: no web view)`}>{label}</span>
    );
  if (!props.split || !folder) return linked;
  return (
    <span>
      {linked}
      <Typography variant="caption" className={classes.folder}>
        <Mono>{breakable(folder)}</Mono>
      </Typography>
    </span>
  );
}

/** A finding's message, with the `quoted` parts (images, flags, keys) set as code. */
export function MessageText(props: { text: string }) {
  const parts = props.text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Mono key={index}>{part}</Mono>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The subject, linked to its catalog entity when it has one. */
export function SubjectLink(props: { finding: ScorecardFinding }) {
  const name = subjectName(props.finding);
  if (props.finding.entityRef) {
    return (
      <EntityRefLink
        entityRef={props.finding.entityRef}
        title={name}
        hideIcon
        disableTooltip
      />
    );
  }
  return <Mono title={props.finding.entity}>{name}</Mono>;
}

const useWaiverStyles = makeStyles(theme => ({
  reason: {
    display: 'block',
    marginTop: 2,
    color: theme.palette.text.secondary,
  },
}));

/**
 * The waiver that matched a finding, with its expiry: a live one in blue, an expired one (the
 * finding fails again) in red, and one that lapsed since the run as expired too. The reason
 * shows under a live one; an expired one's is already at the end of the message.
 */
export function WaiverNote(props: {
  waiver: NonNullable<ScorecardFinding['waiver']>;
  now: Date;
}) {
  const classes = useWaiverStyles();
  const { waiver } = props;
  const state = waiverState(waiver, props.now);
  let label: string;
  if (waiver.expired) label = `Waiver expired on ${waiver.expires}`;
  else if (state.lapsedSinceRun)
    label = `Waiver expired on ${waiver.expires}, after this run`;
  else if (state.daysLeft === 0)
    label = `Waived until ${waiver.expires} (last day)`;
  else if (state.daysLeft <= 14)
    label = `Waived until ${waiver.expires} (${state.daysLeft} ${
      state.daysLeft === 1 ? 'day' : 'days'
    } left)`;
  else label = `Waived until ${waiver.expires}`;
  const where = waiver.file
    ? ` · ${waiver.tree ? `${waiver.tree}:` : ''}${waiver.file}${
        waiver.line ? `:${waiver.line}` : ''
      }`
    : '';
  return (
    <span data-testid="waiver">
      <Tag
        tone={state.expired ? 'negative' : 'info'}
        title={`${waiver.reason} (${waiver.decision})${where}`}
      >
        {`${label} · ${waiver.decision}`}
      </Tag>
      {!waiver.expired && (
        <Typography variant="caption" className={classes.reason}>
          {waiver.reason}
        </Typography>
      )}
    </span>
  );
}

/** Opens the bump-image template prefilled for the unit. */
export function FixLink(props: { url: string; unit: string }) {
  return (
    <Link
      to={props.url}
      title={`Bump the image of ${props.unit} through a pull request`}
    >
      Fix
    </Link>
  );
}
