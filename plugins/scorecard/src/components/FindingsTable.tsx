import { Table, type TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import type { FindingRow } from '../findingRows';
import { placeText } from '../findingRows';
import { fixUrl } from '../links';
import {
  FixLink,
  MessageText,
  NewBadge,
  SeverityTag,
  SourcePlace,
  StatusTag,
  SubjectLink,
  WaiverNote,
} from './common/findingBits';
import { Mono } from './common/Mono';

const useStyles = makeStyles(theme => ({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: 4,
    alignItems: 'flex-start',
  },
  message: { overflowWrap: 'anywhere' },
  secondary: { color: theme.palette.text.secondary },
}));

const STATUS_ORDER: Record<string, number> = {
  fail: 0,
  unknown: 1,
  waived: 2,
  pass: 3,
};
const SEVERITY_ORDER: Record<string, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** New failures first, then the backend's order (fail, unknown, waived, pass; errors first). */
export function sortRows(rows: readonly FindingRow[]): FindingRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        Number(b.row.isNew) - Number(a.row.isNew) ||
        (STATUS_ORDER[a.row.finding.status] ?? 9) -
          (STATUS_ORDER[b.row.finding.status] ?? 9) ||
        (SEVERITY_ORDER[a.row.finding.severity] ?? 9) -
          (SEVERITY_ORDER[b.row.finding.severity] ?? 9) ||
        a.index - b.index,
    )
    .map(item => item.row);
}

/**
 * The findings: status (and "new"), severity, check, subject with its entity link, message with
 * the waiver, the file and line, and a Fix link when the image bump repairs it.
 */
export function FindingsTable(props: {
  rows: FindingRow[];
  now: Date;
  showBox: boolean;
  title?: string;
  emptyText?: string;
}) {
  const classes = useStyles();
  // material-table writes its own state into the rows: hand it copies, once per row set.
  const data = useMemo(
    () => sortRows(props.rows).map(row => ({ ...row })),
    [props.rows],
  );
  const columns: TableColumn<FindingRow>[] = [
    {
      title: 'Status',
      field: 'finding.status',
      width: '90px',
      customSort: (a, b) =>
        (STATUS_ORDER[a.finding.status] ?? 9) -
          (STATUS_ORDER[b.finding.status] ?? 9) ||
        (SEVERITY_ORDER[a.finding.severity] ?? 9) -
          (SEVERITY_ORDER[b.finding.severity] ?? 9),
      render: row => (
        <div className={classes.stack}>
          <StatusTag status={row.finding.status} />
          <SeverityTag severity={row.finding.severity} />
          {row.isNew && <NewBadge />}
        </div>
      ),
    },
    {
      title: 'Check',
      field: 'finding.checkId',
      cellStyle: { minWidth: 160 },
      render: row => (
        <div className={classes.stack}>
          <span title={row.check?.remediation}>
            {row.check?.title ?? row.finding.checkId}
          </span>
          <Typography variant="caption" className={classes.secondary}>
            <Mono>{row.finding.checkId}</Mono>
          </Typography>
        </div>
      ),
    },
    {
      title: 'Subject',
      field: 'finding.entityName',
      render: row => (
        <div className={classes.stack}>
          <SubjectLink finding={row.finding} />
          {props.showBox && (
            <Typography variant="caption" className={classes.secondary}>
              {row.box}
            </Typography>
          )}
        </div>
      ),
    },
    {
      title: 'Message',
      field: 'finding.message',
      sorting: false,
      cellStyle: { minWidth: 320 },
      render: row => (
        <div className={classes.stack}>
          <span className={classes.message}>
            <MessageText text={row.finding.message} />
          </span>
          {row.finding.waiver && (
            <WaiverNote waiver={row.finding.waiver} now={props.now} />
          )}
        </div>
      ),
    },
    {
      title: 'Where',
      field: 'finding.file',
      cellStyle: { minWidth: 180 },
      customSort: (a, b) =>
        (placeText(a.finding) ?? '').localeCompare(placeText(b.finding) ?? ''),
      render: row => <SourcePlace finding={row.finding} split />,
    },
    {
      title: 'Fix',
      sorting: false,
      width: '60px',
      render: row => {
        const url = fixUrl(row.box, row.finding, !!row.check?.fixableByBump);
        return url ? <FixLink url={url} unit={row.finding.entityName} /> : null;
      },
    },
  ];

  return (
    <Table<FindingRow>
      title={props.title}
      columns={columns}
      data={data}
      options={{
        search: false,
        // Every failure of a box fits the first page; unknowns (offline runs) follow.
        paging: props.rows.length > 50,
        pageSize: 50,
        pageSizeOptions: [50, 100, 200],
        padding: 'dense',
        toolbar: !!props.title,
        draggable: false,
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          {props.emptyText ?? 'No finding matches the filters.'}
        </Typography>
      }
    />
  );
}
