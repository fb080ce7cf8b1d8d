import { Table, type TableColumn } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import type {
  ScorecardCheckInfo,
  ScorecardScore,
} from '@quadlet-portal/plugin-scorecard-common';
import { useMemo } from 'react';
import { percent } from '../format';
import { SeverityTag } from './common/findingBits';
import { Mono } from './common/Mono';
import { Tag } from './common/Tag';

interface CheckRow {
  id: string;
  check: ScorecardCheckInfo | undefined;
  scores: Record<string, ScorecardScore | undefined>;
}

/** `83% · 1 of 6 failing`, with the undecided and waived subjects when there are any. */
export function scoreText(score: ScorecardScore): string {
  const decided = score.passing + score.failing;
  if (decided === 0)
    return score.unknown ? `${score.unknown} unknown` : 'nothing decided';
  const parts = [`${score.failing} of ${decided} failing`];
  if (score.unknown) parts.push(`${score.unknown} unknown`);
  if (score.waived) parts.push(`${score.waived} waived`);
  return `${percent(score.score)} · ${parts.join(', ')}`;
}

function toneOf(score: ScorecardScore | undefined) {
  if (!score || score.score === null) return 'neutral' as const;
  if (score.failing === 0) return 'positive' as const;
  return score.score >= 0.8 ? ('warning' as const) : ('negative' as const);
}

/**
 * Every check that ran, in the order the checks are documented, with its score in each box
 * shown. Choosing a check filters the findings (and the trend) to it.
 */
export function ScoreByCheckTable(props: {
  checks: ScorecardCheckInfo[];
  byBox: { box: string; scoreByCheck: Record<string, ScorecardScore> }[];
  onSelectCheck: (checkId: string) => void;
}) {
  const rows = useMemo(() => {
    const order = new Map(props.checks.map((c, i) => [c.id, i]));
    const ids = new Set(props.byBox.flatMap(b => Object.keys(b.scoreByCheck)));
    return [...ids]
      .sort(
        (a, b) =>
          (order.get(a) ?? Number.MAX_SAFE_INTEGER) -
            (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b),
      )
      .map(
        (id): CheckRow => ({
          id,
          check: props.checks.find(c => c.id === id),
          scores: Object.fromEntries(
            props.byBox.map(b => [b.box, b.scoreByCheck[id]]),
          ),
        }),
      );
  }, [props.checks, props.byBox]);

  const columns: TableColumn<CheckRow>[] = [
    {
      title: 'Check',
      field: 'id',
      render: row => (
        <div>
          <Link
            component="button"
            variant="body2"
            onClick={() => props.onSelectCheck(row.id)}
            style={{ textAlign: 'left' }}
            title="Show this check's findings and trend"
          >
            {row.check?.title ?? row.id}
          </Link>
          <Typography variant="caption" display="block" color="textSecondary">
            <Mono>{row.id}</Mono>
          </Typography>
        </div>
      ),
    },
    {
      title: 'Severity',
      field: 'check.severity',
      width: '100px',
      render: row =>
        row.check ? <SeverityTag severity={row.check.severity} /> : null,
    },
    {
      title: 'Bump fixes it',
      field: 'check.fixableByBump',
      width: '110px',
      render: row => (row.check?.fixableByBump ? 'yes' : ''),
    },
    ...props.byBox.map(
      (b): TableColumn<CheckRow> => ({
        title: props.byBox.length > 1 ? b.box : 'Score',
        customSort: (x, y) =>
          (x.scores[b.box]?.score ?? 2) - (y.scores[b.box]?.score ?? 2),
        render: row => {
          const score = row.scores[b.box];
          if (!score)
            return (
              <Typography
                variant="caption"
                color="textSecondary"
                title="The check looked at nothing in this box (or the policy turns it off)"
              >
                no subject
              </Typography>
            );
          return <Tag tone={toneOf(score)}>{scoreText(score)}</Tag>;
        },
      }),
    ),
  ];

  return (
    <Table<CheckRow>
      columns={columns}
      data={rows.map(r => ({ ...r }))}
      options={{
        search: false,
        paging: false,
        padding: 'dense',
        toolbar: false,
        draggable: false,
      }}
    />
  );
}
