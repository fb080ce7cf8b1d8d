import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { downloadText, findingsCsv, findingsMarkdown } from '../exports';
import type { FindingRow } from '../findingRows';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', gap: theme.spacing(1), alignItems: 'center' },
}));

/** `scorecard-sodimo-2026-05-01`: names that sort by day in a downloads folder. */
export function exportBaseName(scope: string, now: Date): string {
  const safe = scope.replace(/[^a-z0-9._-]+/gi, '-');
  return `scorecard-${safe}-${now.toISOString().slice(0, 10)}`;
}

/** Downloads the findings the table shows (the filters apply) as CSV or Markdown. */
export function ExportButtons(props: {
  rows: FindingRow[];
  scope: string;
  now: Date;
}) {
  const classes = useStyles();
  const base = exportBaseName(props.scope, props.now);
  const label = `${props.rows.length} finding${
    props.rows.length === 1 ? '' : 's'
  }`;
  return (
    <div className={classes.root}>
      <Button
        size="small"
        variant="outlined"
        disabled={props.rows.length === 0}
        title={`Download the ${label} shown as CSV`}
        onClick={() =>
          downloadText(
            `${base}.csv`,
            findingsCsv(props.rows),
            'text/csv;charset=utf-8',
          )
        }
      >
        Export CSV
      </Button>
      <Button
        size="small"
        variant="outlined"
        disabled={props.rows.length === 0}
        title={`Download the ${label} shown as a Markdown table`}
        onClick={() =>
          downloadText(
            `${base}.md`,
            findingsMarkdown(props.rows, `Scorecard findings: ${props.scope}`),
            'text/markdown;charset=utf-8',
          )
        }
      >
        Export Markdown
      </Button>
    </div>
  );
}
