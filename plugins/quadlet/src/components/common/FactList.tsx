import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { Text } from '@backstage/ui';

export interface Fact {
  label: string;
  /** Left out of the list when `undefined`; write what is missing as a value when it matters. */
  value: ReactNode | undefined;
}

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(96px, max-content) 1fr',
    columnGap: 'var(--bui-space-4, 16px)',
    rowGap: 'var(--bui-space-2, 8px)',
    margin: 0,
    alignItems: 'baseline',
  },
  value: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  label: {
    margin: 0,
  },
});

/** Label / value pairs in two aligned columns (a `<dl>`, so screen readers pair them). */
export function FactList(props: { facts: Fact[] }) {
  const classes = useStyles();
  const facts = props.facts.filter(fact => fact.value !== undefined);
  return (
    <dl className={classes.list}>
      {facts.map(fact => (
        <FactRow
          key={fact.label}
          fact={fact}
          labelClass={classes.label}
          valueClass={classes.value}
        />
      ))}
    </dl>
  );
}

function FactRow(props: {
  fact: Fact;
  labelClass: string;
  valueClass: string;
}) {
  return (
    <>
      <dt className={props.labelClass}>
        <Text variant="body-medium" color="secondary">
          {props.fact.label}
        </Text>
      </dt>
      <dd className={props.valueClass}>
        <Text as="div" variant="body-medium">
          {props.fact.value}
        </Text>
      </dd>
    </>
  );
}
