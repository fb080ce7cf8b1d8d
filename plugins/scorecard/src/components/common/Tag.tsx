import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

/** How a label reads at a glance: fine, worth a look, wrong, new, or neutral. */
export type TagTone =
  | 'positive'
  | 'warning'
  | 'negative'
  | 'info'
  | 'neutral'
  | 'new';

const useStyles = makeStyles(theme => ({
  tag: {
    display: 'inline-flex',
    alignItems: 'center',
    padding: '1px 8px',
    borderRadius: 999,
    fontSize: 12,
    lineHeight: '18px',
    fontWeight: 500,
    whiteSpace: 'nowrap',
    border: '1px solid transparent',
  },
  positive: {
    background: theme.palette.type === 'dark' ? '#1e3a26' : '#e3f4e7',
    color: theme.palette.type === 'dark' ? '#9be0ae' : '#0c632b',
  },
  warning: {
    background: theme.palette.type === 'dark' ? '#4a3314' : '#ffedd5',
    color: theme.palette.type === 'dark' ? '#ffc78a' : '#8a3f00',
  },
  negative: {
    background: theme.palette.type === 'dark' ? '#4d1f1f' : '#ffdede',
    color: theme.palette.type === 'dark' ? '#ffb3b3' : '#991919',
  },
  info: {
    background: theme.palette.type === 'dark' ? '#1d3553' : '#dbeafe',
    color: theme.palette.type === 'dark' ? '#a8cbff' : '#1e40af',
  },
  new: {
    // Solid, unlike the others: the one label a reader scans the table for.
    background: theme.palette.type === 'dark' ? '#a78bfa' : '#6d28d9',
    color: theme.palette.type === 'dark' ? '#1a1033' : '#fff',
    fontWeight: 700,
  },
  neutral: {
    background: theme.palette.type === 'dark' ? '#333' : '#f0f0f0',
    color: theme.palette.text.secondary,
    borderColor: theme.palette.divider,
  },
}));

/** A small coloured label: status, severity, "new". */
export function Tag(props: {
  tone: TagTone;
  children: ReactNode;
  title?: string;
}) {
  const classes = useStyles();
  return (
    <span
      className={`${classes.tag} ${classes[props.tone]}`}
      title={props.title}
    >
      {props.children}
    </span>
  );
}
