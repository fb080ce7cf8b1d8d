import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  comment: {
    margin: '0 0 var(--bui-space-5, 20px) 0',
    padding: 'var(--bui-space-2, 8px) var(--bui-space-3, 12px)',
    borderLeft: '3px solid var(--bui-border-2, #ccc)',
    background: 'var(--bui-bg-neutral-2, transparent)',
    whiteSpace: 'pre-wrap',
    fontFamily: 'var(--bui-font-monospace, monospace)',
    fontSize: 'var(--bui-font-size-2, 12px)',
    lineHeight: 1.5,
    overflowWrap: 'anywhere',
  },
});

/**
 * The comment block at the top of a unit file: what the author wrote about it (purpose, known
 * breakage, decisions), as written.
 */
export function LeadingComment(props: { text: string | undefined }) {
  const classes = useStyles();
  if (!props.text) return null;
  return (
    <pre
      className={classes.comment}
      aria-label="Comment at the top of the file"
    >
      {props.text}
    </pre>
  );
}
