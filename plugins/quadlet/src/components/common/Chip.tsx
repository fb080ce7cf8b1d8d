import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

/** How a fact reads at a glance: fine, worth a look, wrong, or just a label. */
export type ChipTone = 'positive' | 'warning' | 'negative' | 'neutral';

const useStyles = makeStyles({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 4,
    padding: '1px 8px',
    borderRadius: 'var(--bui-radius-full, 999px)',
    fontSize: 'var(--bui-font-size-2, 12px)',
    lineHeight: '18px',
    fontWeight: 500,
    whiteSpace: 'nowrap',
    border: '1px solid transparent',
  },
  positive: {
    background: 'var(--bui-positive-bg-subdued, #e3f4e7)',
    color: 'var(--bui-positive-fg-subdued, #0c632b)',
  },
  warning: {
    background: 'var(--bui-warning-bg-subdued, #ffedd5)',
    color: 'var(--bui-warning-fg-subdued, #aa4d00)',
  },
  negative: {
    background: 'var(--bui-negative-bg-subdued, #ffcbcb)',
    color: 'var(--bui-negative-fg-subdued, #991919)',
  },
  neutral: {
    background: 'var(--bui-bg-neutral-2, #f0f0f0)',
    color: 'var(--bui-fg-secondary, #555)',
    borderColor: 'var(--bui-border-1, transparent)',
  },
});

/** A small coloured label: pin tier, severity, status. */
export function Chip(props: {
  tone: ChipTone;
  children: ReactNode;
  title?: string;
}) {
  const classes = useStyles();
  return (
    <span
      className={`${classes.chip} ${classes[props.tone]}`}
      title={props.title}
    >
      {props.children}
    </span>
  );
}
