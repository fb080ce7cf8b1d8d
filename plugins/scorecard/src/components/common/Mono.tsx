import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  mono: {
    fontFamily: 'monospace',
    fontSize: '0.92em',
    overflowWrap: 'anywhere',
  },
});

/** Text as written in a file or a command: check ids, paths, image references. */
export function Mono(props: { children: ReactNode; title?: string }) {
  const classes = useStyles();
  return (
    <code className={classes.mono} title={props.title}>
      {props.children}
    </code>
  );
}
