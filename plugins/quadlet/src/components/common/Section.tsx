import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { Text } from '@backstage/ui';

const useStyles = makeStyles({
  section: {
    '&:not(:first-child)': {
      marginTop: 'var(--bui-space-5, 20px)',
    },
  },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: 8,
    margin: '0 0 var(--bui-space-2, 8px) 0',
  },
});

/** A titled block inside a card; `count` shows how many items it lists. */
export function Section(props: {
  title: string;
  count?: number;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={props.title}>
      <div className={classes.heading}>
        <Text as="h4" variant="body-medium" weight="bold">
          {props.title}
        </Text>
        {props.count !== undefined && (
          <Text variant="body-small" color="secondary">
            {props.count}
          </Text>
        )}
      </div>
      {props.children}
    </section>
  );
}
