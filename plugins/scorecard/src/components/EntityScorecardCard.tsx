import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ScorecardApi,
  ScorecardCheckInfo,
} from '@quadlet-portal/plugin-scorecard-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { boxOf } from '../annotations';
import { scorecardApiRef } from '../api';
import { rowsOfRun } from '../findingRows';
import { formatTime, plural } from '../format';
import { fixUrl, overviewUrl } from '../links';
import { useScorecardRoot } from '../routes';
import {
  FixLink,
  MessageText,
  NewBadge,
  SeverityTag,
  SourcePlace,
  StatusTag,
  WaiverNote,
} from './common/findingBits';
import { Mono } from './common/Mono';
import { sortRows } from './FindingsTable';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  message: { marginTop: 4, overflowWrap: 'anywhere' },
  meta: {
    marginTop: 4,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  footer: { marginTop: theme.spacing(1) },
}));

/**
 * The box's successful run before `runId`, which "new" compares with; the entity route does not
 * say. When the runs cannot be listed, `runId` itself stands in: the backend's "new" is kept.
 */
async function previousSuccessfulRun(
  api: ScorecardApi,
  box: string,
  runId: number,
): Promise<number | undefined> {
  try {
    const runs = await api.listRuns(box, { limit: 10 });
    return runs.find(r => r.id < runId && r.status === 'succeeded')?.id;
  } catch {
    return runId;
  }
}

/**
 * The scorecard results about the entity in its box's latest run: what fails, is undecided or
 * waived (with the waiver's expiry), where to fix it, and a link to the overview filtered on it.
 */
export function EntityScorecardCard(props: { now?: Date }) {
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(scorecardApiRef);
  const root = useScorecardRoot();
  const [now] = useState(() => props.now ?? new Date());
  const entityRef = stringifyEntityRef(entity);
  const box = boxOf(entity);

  const state = useAsync(async () => {
    const [results, checks] = await Promise.all([
      api.getEntityResults(entityRef),
      api.listChecks().catch((): ScorecardCheckInfo[] => []),
    ]);
    const previousRunId = results
      ? await previousSuccessfulRun(api, results.box, results.run.id)
      : undefined;
    return { results, checks, previousRunId };
  }, [api, entityRef]);

  const overview =
    root === undefined
      ? undefined
      : overviewUrl(root, state.value?.results?.box ?? box, {
          entity: entityRef,
        });

  let body;
  if (state.loading) body = <Progress />;
  else if (state.error) body = <ResponseErrorPanel error={state.error} />;
  else if (!state.value?.results) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {`No scorecard result about this entity yet: the box ${
          box ?? ''
        } has not been checked, or no check looks at this entity.`}
      </Typography>
    );
  } else {
    const { results, checks, previousRunId } = state.value;
    const rows = sortRows(
      rowsOfRun(
        {
          box: results.box,
          results: results.results,
          newFingerprints: results.newFingerprints,
          previousRunId,
        },
        checks,
      ),
    );
    const open = rows.filter(r => r.finding.status !== 'pass');
    const passing = rows.length - open.length;
    body = (
      <>
        <Typography variant="caption" color="textSecondary" display="block">
          {`Run #${results.run.id} · ${formatTime(
            results.run.finishedAt ?? results.run.startedAt,
          )}`}
        </Typography>
        {open.length === 0 ? (
          <Typography variant="body2" className={classes.footer}>
            {`All ${plural(passing, 'check')} pass.`}
          </Typography>
        ) : (
          <ul className={classes.list} aria-label="Scorecard findings">
            {open.map(row => {
              const f = row.finding;
              const fix = fixUrl(row.box, f, !!row.check?.fixableByBump);
              return (
                <li key={row.id} className={classes.item}>
                  <div className={classes.line}>
                    <StatusTag status={f.status} />
                    <SeverityTag severity={f.severity} />
                    {row.isNew && <NewBadge />}
                    <Typography variant="body2" component="span">
                      <strong>{row.check?.title ?? f.checkId}</strong>
                    </Typography>
                  </div>
                  <Typography variant="body2" className={classes.message}>
                    <MessageText text={f.message} />
                  </Typography>
                  <div className={classes.meta}>
                    <SourcePlace finding={f} />
                    <Typography variant="caption" color="textSecondary">
                      <Mono>{f.checkId}</Mono>
                    </Typography>
                    {fix && <FixLink url={fix} unit={f.entityName} />}
                  </div>
                  {f.waiver && (
                    <div className={classes.meta}>
                      <WaiverNote waiver={f.waiver} now={now} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {open.length > 0 && passing > 0 && (
          <Typography
            variant="caption"
            color="textSecondary"
            display="block"
            className={classes.footer}
          >
            {`${plural(passing, 'other check')} pass.`}
          </Typography>
        )}
      </>
    );
  }

  return (
    <EntityInfoCard
      title="Scorecard"
      headerActions={
        overview ? <Link to={overview}>Open in scorecard</Link> : undefined
      }
    >
      {body}
    </EntityInfoCard>
  );
}
