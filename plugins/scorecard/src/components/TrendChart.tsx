import { makeStyles, useTheme } from '@material-ui/core/styles';
import useMeasure from 'react-use/esm/useMeasure';
import Typography from '@material-ui/core/Typography';
import { formatDay, formatTime, percent } from '../format';

export interface TrendPoint {
  /** ISO time of the run. */
  at: string;
  /** 0–1; null when the run decided nothing for this series. */
  score: number | null;
  runId: number;
}

export interface TrendSeries {
  name: string;
  points: TrendPoint[];
}

/** Width before the first measurement (and under jsdom, which measures nothing). */
const FALLBACK_WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 24, top: 12, bottom: 28 };
const DAY_MS = 24 * 60 * 60 * 1000;
/** The time axis spans at least a week, so a few runs minutes apart do not span the width. */
const MIN_SPAN_MS = 7 * DAY_MS;
const COLORS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#db2777',
  '#7c3aed',
  '#0891b2',
];

const useStyles = makeStyles(theme => ({
  svg: { display: 'block', overflow: 'visible' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  swatch: {
    display: 'inline-block',
    width: 12,
    height: 3,
    marginRight: 6,
    verticalAlign: 'middle',
  },
}));

/** What a screen reader hears instead of the lines: first and latest score per series. */
export function describeTrend(series: readonly TrendSeries[]): string {
  return series
    .map(s => {
      const scored = s.points.filter(p => p.score !== null);
      if (scored.length === 0) return `${s.name}: no decided runs`;
      const first = scored[0];
      const last = scored[scored.length - 1];
      if (scored.length === 1)
        return `${s.name}: ${percent(last.score)} in 1 run`;
      return `${s.name}: ${percent(first.score)} to ${percent(
        last.score,
      )} over ${scored.length} runs`;
    })
    .join('; ');
}

/**
 * Score over the stored runs, one line per series (a box, or a check of a box), on a time axis
 * from the first run to the latest. Plain SVG: a few dozen points need no chart library.
 */
export function TrendChart(props: { series: TrendSeries[]; title: string }) {
  const classes = useStyles();
  const theme = useTheme();
  // Drawn at the measured width, so text keeps its size whatever the card's width.
  const [ref, { width: measured }] = useMeasure<HTMLDivElement>();
  const width = measured > 0 ? measured : FALLBACK_WIDTH;
  const all = props.series.flatMap(s => s.points);
  const times = all.map(p => Date.parse(p.at)).filter(Number.isFinite);
  if (times.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No successful run yet: the trend starts with the first one.
      </Typography>
    );
  }
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, MIN_SPAN_MS);
  const t0 = (first + last) / 2 - span / 2;
  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const xAt = (t: number) => PAD.left + ((t - t0) / span) * plotW;
  const x = (at: string) => xAt(Date.parse(at));
  const y = (score: number) => PAD.top + (1 - score) * plotH;
  const grid = theme.palette.divider;
  const label = theme.palette.text.secondary;
  const firstDay = formatDay(new Date(first).toISOString());
  const lastDay = formatDay(new Date(last).toISOString());
  // One date label when the first and latest run are too close for two.
  const oneLabel = firstDay === lastDay || xAt(last) - xAt(first) < 120;

  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref}>
        <svg
          className={classes.svg}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={`${props.title}. ${describeTrend(props.series)}`}
        >
          <title>{props.title}</title>
          {[0, 0.5, 1].map(v => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={width - PAD.right}
                y1={y(v)}
                y2={y(v)}
                stroke={grid}
                strokeDasharray={v === 0 ? undefined : '3 3'}
              />
              <text
                x={PAD.left - 8}
                y={y(v) + 4}
                textAnchor="end"
                fontSize={12}
                fill={label}
              >
                {percent(v)}
              </text>
            </g>
          ))}
          {oneLabel ? (
            <text
              x={xAt((first + last) / 2)}
              y={HEIGHT - 6}
              fontSize={12}
              fill={label}
              textAnchor="middle"
            >
              {firstDay === lastDay ? firstDay : `${firstDay} – ${lastDay}`}
            </text>
          ) : (
            <>
              <text
                x={xAt(first)}
                y={HEIGHT - 6}
                fontSize={12}
                fill={label}
                textAnchor="start"
              >
                {firstDay}
              </text>
              <text
                x={xAt(last)}
                y={HEIGHT - 6}
                fontSize={12}
                fill={label}
                textAnchor="end"
              >
                {lastDay}
              </text>
            </>
          )}
          {props.series.map((s, index) => {
            const color = COLORS[index % COLORS.length];
            const scored = s.points.filter(
              (p): p is TrendPoint & { score: number } => p.score !== null,
            );
            const path = scored
              .map(
                (p, i) =>
                  `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(
                    p.score,
                  ).toFixed(1)}`,
              )
              .join(' ');
            return (
              <g key={s.name} data-series={s.name}>
                {scored.length > 1 && (
                  <path d={path} fill="none" stroke={color} strokeWidth={2} />
                )}
                {scored.map(p => (
                  <circle
                    key={p.runId}
                    cx={x(p.at)}
                    cy={y(p.score)}
                    r={3.5}
                    fill={color}
                  >
                    <title>{`${s.name} · run #${p.runId} · ${formatTime(
                      p.at,
                    )} · ${percent(p.score)}`}</title>
                  </circle>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      {props.series.length > 1 && (
        <figcaption className={classes.legend}>
          {props.series.map((s, index) => (
            <Typography variant="caption" key={s.name}>
              <span
                className={classes.swatch}
                style={{ background: COLORS[index % COLORS.length] }}
              />
              {s.name}
            </Typography>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
