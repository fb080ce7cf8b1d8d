import { Fragment, type ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  mono: {
    fontFamily: 'var(--bui-font-monospace, monospace)',
    fontSize: '0.92em',
    overflowWrap: 'anywhere',
  },
});

/**
 * Text as written in a file: image references, paths, flags, variable names. Long paths may
 * break after a `/` (and only mid-word when a segment alone is too long for the column).
 */
export function Mono(props: { children: ReactNode; title?: string }) {
  const classes = useStyles();
  const { children } = props;
  return (
    <code className={classes.mono} title={props.title}>
      {typeof children === 'string' ? breakAfterSlashes(children) : children}
    </code>
  );
}

function breakAfterSlashes(text: string): ReactNode {
  if (!text.includes('/')) return text;
  const parts = text.split('/');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}
