import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  type ScorecardRunSummary,
  scorecardRunPermission,
} from '@quadlet-portal/plugin-scorecard-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { scorecardApiRef } from '../api';
import { formatTime, plural } from '../format';

type RunState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; run: ScorecardRunSummary; joined: boolean }
  | { phase: 'done'; run: ScorecardRunSummary }
  | { phase: 'error'; message: string };

const useStyles = makeStyles(theme => ({
  root: { minWidth: 200 },
  status: { marginTop: theme.spacing(0.5) },
  progress: { marginTop: theme.spacing(0.5) },
  error: { color: theme.palette.error.main, marginTop: theme.spacing(0.5) },
}));

function failures(run: ScorecardRunSummary): string {
  return run.counts ? `, ${plural(run.counts.fail, 'failure')}` : '';
}

/**
 * Starts a run of the box now (`POST /runs`), for users with `quadlet-portal.scorecard.run`.
 * Shows the run while it reads the trees, then its outcome; a run already in progress (started
 * by the schedule or someone else) is followed rather than started twice.
 */
export function RunNowButton(props: {
  box: string;
  /** A run of the box already in progress when the page loaded. */
  running?: ScorecardRunSummary;
  /** Called once a run ends, to reload the page's data. */
  onFinished?: (run: ScorecardRunSummary) => void;
  /** How often to ask the backend about a running run. */
  pollIntervalMs?: number;
}) {
  const classes = useStyles();
  const api = useApi(scorecardApiRef);
  const permission = usePermission({ permission: scorecardRunPermission });
  const { onFinished, pollIntervalMs = 2000 } = props;
  const [state, setState] = useState<RunState>(() =>
    props.running
      ? { phase: 'running', run: props.running, joined: true }
      : { phase: 'idle' },
  );
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const runId = state.phase === 'running' ? state.run.id : undefined;
  useEffect(() => {
    if (runId === undefined) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const run = await api.getRun(runId);
        if (cancelled) return;
        if (run.status === 'running') {
          timer = setTimeout(poll, pollIntervalMs);
          return;
        }
        setState({ phase: 'done', run });
        finished.current?.(run);
      } catch (error) {
        if (!cancelled)
          setState({
            phase: 'error',
            message: `Could not follow run #${runId}: ${
              (error as Error).message
            }`,
          });
      }
    };
    timer = setTimeout(poll, pollIntervalMs);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, runId, pollIntervalMs]);

  const start = useCallback(async () => {
    setState({ phase: 'starting' });
    try {
      const started = await api.startRun(props.box);
      setState({
        phase: 'running',
        run: started.run,
        joined: started.alreadyRunning,
      });
    } catch (error) {
      setState({
        phase: 'error',
        message: `The run did not start: ${(error as Error).message}`,
      });
    }
  }, [api, props.box]);

  const busy = state.phase === 'starting' || state.phase === 'running';
  const denied = !permission.loading && !permission.allowed;
  let title = `Run every check on ${props.box} now`;
  if (denied)
    title = `Starting a run needs the permission ${scorecardRunPermission.name}`;

  return (
    <div className={classes.root}>
      {/* A disabled button swallows hover: the span keeps the explanation reachable. */}
      <span title={title}>
        <Button
          variant="outlined"
          color="primary"
          size="small"
          onClick={start}
          disabled={busy || permission.loading || denied}
          aria-label={`Run now: ${props.box}`}
        >
          {busy ? 'Running…' : 'Run now'}
        </Button>
      </span>
      {denied && (
        <Typography
          variant="caption"
          display="block"
          className={classes.status}
        >
          You may not start runs.
        </Typography>
      )}
      <div role="status" aria-live="polite">
        {state.phase === 'starting' && (
          <Typography
            variant="caption"
            display="block"
            className={classes.status}
          >
            Starting a run…
          </Typography>
        )}
        {state.phase === 'running' && (
          <>
            <LinearProgress className={classes.progress} />
            <Typography
              variant="caption"
              display="block"
              className={classes.status}
            >
              {`Run #${state.run.id} ${
                state.joined ? 'already in progress' : 'running'
              } since ${formatTime(
                state.run.startedAt,
              )}: reading the trees and checking…`}
            </Typography>
          </>
        )}
        {state.phase === 'done' && state.run.status === 'succeeded' && (
          <Typography
            variant="caption"
            display="block"
            className={classes.status}
          >
            {`Run #${state.run.id} finished${failures(state.run)}.`}
          </Typography>
        )}
      </div>
      {state.phase === 'done' && state.run.status === 'failed' && (
        <Typography
          variant="caption"
          display="block"
          role="alert"
          className={classes.error}
        >
          {`Run #${state.run.id} failed: ${
            state.run.error ?? 'no reason given'
          }`}
        </Typography>
      )}
      {state.phase === 'error' && (
        <Typography
          variant="caption"
          display="block"
          role="alert"
          className={classes.error}
        >
          {state.message}
        </Typography>
      )}
    </div>
  );
}
