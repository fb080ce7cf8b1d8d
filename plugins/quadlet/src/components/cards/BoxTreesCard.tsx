import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import type { BoxQuadletSpec } from '../../spec';
import { list, plural, quadletSpec } from '../../specReaders';
import { EmptyNote } from '../common/EmptyNote';
import { ExternalLink } from '../common/ExternalLink';
import { Mono } from '../common/Mono';

type Tree = BoxQuadletSpec['trees'][number];

const ROLE_LABELS: Record<string, string> = {
  dotfiles: 'dotfiles (apps)',
  os: 'OS image',
  other: 'role unknown',
};

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  tree: {
    '&:not(:first-child)': {
      marginTop: 'var(--bui-space-3, 12px)',
      paddingTop: 'var(--bui-space-3, 12px)',
      borderTop: '1px solid var(--bui-border-1, #e0e0e0)',
    },
  },
  line: { display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' },
});

/** The repositories the box is read from: what each holds and where it comes from. */
export function BoxTreesCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const trees = list(quadletSpec<BoxQuadletSpec>(entity).trees);
  return (
    <EntityInfoCard title="Source trees">
      {trees.length === 0 ? (
        <EmptyNote>
          No trees recorded: the box&apos;s sources have not been read yet.
        </EmptyNote>
      ) : (
        <ul className={classes.list}>
          {trees.map(tree => (
            <li key={tree.name} className={classes.tree} aria-label={tree.name}>
              <div className={classes.line}>
                <Text variant="body-medium" weight="bold">
                  <Mono>{tree.name}</Mono>
                </Text>
                <Text
                  variant="body-small"
                  color="secondary"
                  title={
                    tree.roleFrom ? `detected from ${tree.roleFrom}` : undefined
                  }
                >
                  {ROLE_LABELS[tree.role ?? 'other'] ?? tree.role}
                  {tree.files !== undefined &&
                    ` · ${plural(tree.files, 'file')}`}
                </Text>
              </div>
              <Text as="div" variant="body-small">
                <TreeLocation tree={tree} />
              </Text>
            </li>
          ))}
        </ul>
      )}
    </EntityInfoCard>
  );
}

/** The repository link when browsable, else the folder or URL it was read from. */
function TreeLocation(props: { tree: Tree }) {
  const { tree } = props;
  if (tree.url) return <ExternalLink url={tree.url} />;
  if (tree.location) return <ExternalLink url={tree.location} />;
  return <>location not recorded</>;
}
