import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type { BoxQuadletSpec } from '../../spec';
import { list, plural, quadletSpec } from '../../specReaders';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { ExternalLink } from '../common/ExternalLink';
import { Mono } from '../common/Mono';

const ROLE_LABELS: Record<string, string> = {
  dotfiles: 'dotfiles (apps)',
  os: 'OS image',
  other: 'other',
};

/** The repositories the box is read from: what each holds and where it comes from. */
export function BoxTreesCard() {
  const { entity } = useEntity();
  const trees = list(quadletSpec<BoxQuadletSpec>(entity).trees);
  return (
    <EntityInfoCard title="Source trees">
      {trees.length === 0 ? (
        <EmptyNote>
          No trees recorded: the box's sources have not been read yet.
        </EmptyNote>
      ) : (
        <DataTable
          rows={trees}
          columns={[
            {
              id: 'name',
              label: 'Tree',
              rowHeader: true,
              render: tree => <Mono>{tree.name}</Mono>,
            },
            {
              id: 'role',
              label: 'Role',
              render: tree => <TreeRole tree={tree} />,
            },
            {
              id: 'files',
              label: 'Files',
              render: tree =>
                tree.files !== undefined ? plural(tree.files, 'file') : '',
            },
            {
              id: 'location',
              label: 'From',
              render: tree => <TreeLocation tree={tree} />,
            },
          ]}
        />
      )}
    </EntityInfoCard>
  );
}

type Tree = BoxQuadletSpec['trees'][number];

function TreeRole(props: { tree: Tree }) {
  const role = props.tree.role
    ? ROLE_LABELS[props.tree.role] ?? props.tree.role
    : 'unknown';
  return (
    <span
      title={
        props.tree.roleFrom ? `detected from ${props.tree.roleFrom}` : undefined
      }
    >
      {role}
    </span>
  );
}

/** The repository link when browsable, else the folder or URL it was read from. */
function TreeLocation(props: { tree: Tree }) {
  const { tree } = props;
  if (tree.url) return <ExternalLink url={tree.url} />;
  if (tree.location) return <ExternalLink url={tree.location} />;
  return <span>not recorded</span>;
}
