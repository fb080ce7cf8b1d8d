import {
  Content,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  applyFilter,
  type FindingFilter,
  filterFromSearch,
  searchFromFilter,
} from '../filters';
import { type FindingRow, rowsOfRun } from '../findingRows';
import { plural } from '../format';
import { overviewUrl } from '../links';
import { rootRouteRef } from '../routes';
import { ExportButtons } from './ExportButtons';
import { FindingFilters } from './FindingFilters';
import { FindingsTable } from './FindingsTable';
import { BoxSummaryCard } from './BoxSummaryCard';
import { ScoreByCheckTable } from './ScoreByCheckTable';
import { TrendChart, type TrendSeries } from './TrendChart';
import { type BoxOverview, useOverviewData } from './useOverviewData';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
}));

/** The trend of each box: its box score, or one check's score when the filter names a check. */
export function trendSeries(
  shown: readonly BoxOverview[],
  checkId: string | undefined,
): TrendSeries[] {
  return shown.map(b => ({
    name: b.summary.box,
    points: b.history.map(h => ({
      at: h.finishedAt ?? h.startedAt,
      runId: h.runId,
      score: checkId ? h.byCheck[checkId]?.score ?? null : h.score.score,
    })),
  }));
}

/**
 * The scorecard of every box (`/scorecard`) or of one (`/scorecard/:box`): score cards with
 * "Run now", the trend over the stored runs, the findings with filters and exports, and the
 * score of each check. The filter lives in the query string, so any view can be linked.
 */
export function ScorecardOverview(props: { box?: string; now?: Date }) {
  const classes = useStyles();
  const root = useRouteRef(rootRouteRef)();
  const [now] = useState(() => props.now ?? new Date());
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const setFilter = useCallback(
    (next: FindingFilter) =>
      setSearch(searchFromFilter(next), { replace: true }),
    [setSearch],
  );
  const { value, loading, error, retry } = useOverviewData(props.box);

  const allRows = useMemo<FindingRow[]>(
    () =>
      (value?.shown ?? []).flatMap(b =>
        b.latest ? rowsOfRun(b.latest, value?.checks ?? []) : [],
      ),
    [value],
  );
  const rows = useMemo(
    () =>
      applyFilter(allRows, props.box ? { ...filter, box: undefined } : filter),
    [allRows, filter, props.box],
  );

  if (!value) {
    if (error)
      return (
        <Content>
          <ResponseErrorPanel error={error} />
        </Content>
      );
    return (
      <Content>
        <Progress />
      </Content>
    );
  }

  if (value.boxes.length === 0) {
    return (
      <Content>
        <EmptyState
          missing="data"
          title="No box is configured"
          description="List the boxes under quadletPortal.boxes in app-config.yaml; the scorecard backend checks each of them."
        />
      </Content>
    );
  }

  if (props.box && value.shown.length === 0) {
    return (
      <Content>
        <WarningPanel
          severity="warning"
          title={`No box named ${props.box}`}
          defaultExpanded
        >
          <Typography variant="body2">
            {'Configured boxes: '}
            {value.boxes.map((b, i) => (
              <span key={b.box}>
                {i > 0 && ', '}
                <Link to={overviewUrl(root, b.box)}>{b.box}</Link>
              </span>
            ))}
          </Typography>
        </WarningPanel>
      </Content>
    );
  }

  const multiple = value.shown.length > 1;
  const check = value.checks.find(c => c.id === filter.check);
  const series = trendSeries(value.shown, filter.check);
  const withRuns = value.shown.filter(b => b.latest);
  const scope = props.box ?? filter.box ?? 'all-boxes';
  const newCount = (box: string) =>
    allRows.filter(r => r.box === box && r.isNew).length;

  return (
    <Content>
      {error && (
        <WarningPanel
          severity="error"
          title="Reloading the scorecard failed"
          defaultExpanded
        >
          {error.message}
        </WarningPanel>
      )}
      {loading && <Progress />}
      <Grid container spacing={3}>
        {value.shown.map(b => (
          <Grid item xs={12} md={multiple ? 6 : 4} key={b.summary.box}>
            <BoxSummaryCard
              summary={b.summary}
              newFailures={newCount(b.summary.box)}
              href={props.box ? undefined : overviewUrl(root, b.summary.box)}
              onRunFinished={retry}
            />
          </Grid>
        ))}
        <Grid item xs={12} md={multiple ? 12 : 8}>
          <InfoCard
            title={check ? `Trend: ${check.title}` : 'Trend'}
            subheader={`Score of each run, ${plural(
              Math.max(0, ...value.shown.map(b => b.history.length)),
              'run',
            )} stored`}
          >
            <TrendChart
              series={series}
              title={
                check ? `Score of ${check.title} per run` : 'Box score per run'
              }
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Findings"
            subheader={`${plural(rows.length, 'result')} of ${allRows.length}`}
          >
            <div className={classes.toolbar}>
              <Typography variant="body2" color="textSecondary">
                {props.box
                  ? `Latest run of ${props.box}`
                  : 'Latest run of every box'}
                {props.box && multiple === false && value.boxes.length > 1 && (
                  <>
                    {' · '}
                    <Link to={overviewUrl(root, undefined, filter)}>
                      all boxes
                    </Link>
                  </>
                )}
              </Typography>
              <ExportButtons rows={rows} scope={scope} now={now} />
            </div>
            <FindingFilters
              filter={filter}
              onChange={setFilter}
              boxes={props.box ? [] : value.shown.map(b => b.summary.box)}
              checks={value.checks.filter(c =>
                allRows.some(r => r.finding.checkId === c.id),
              )}
            />
            <FindingsTable
              rows={rows}
              now={now}
              showBox={multiple}
              emptyText={
                allRows.length === 0
                  ? 'No run has finished yet.'
                  : 'No finding matches the filters.'
              }
            />
          </InfoCard>
        </Grid>
        {withRuns.length > 0 && (
          <Grid item xs={12}>
            <InfoCard
              title="Score per check"
              subheader="Subjects of each check that pass, per box"
            >
              <ScoreByCheckTable
                checks={value.checks}
                byBox={withRuns.map(b => ({
                  box: b.summary.box,
                  scoreByCheck: b.latest!.scoreByCheck,
                }))}
                onSelectCheck={id => setFilter({ ...filter, check: id })}
              />
            </InfoCard>
          </Grid>
        )}
      </Grid>
    </Content>
  );
}
