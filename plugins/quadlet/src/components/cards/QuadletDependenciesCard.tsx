import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type {
  SystemdUnitQuadletSpec,
  UnitDependencyFact,
  UnitQuadletSpec,
} from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { Chip } from '../common/Chip';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { EntityOrName } from '../common/EntityOrName';
import { Mono } from '../common/Mono';
import { SourceRef } from '../common/SourceRef';

/**
 * Every reference from the unit to another unit (`Requires=`, `After=`, `Volume=`, `Network=`,
 * `WantedBy=`…), each with the line that makes it. Units of the box link to their entity; units
 * systemd or podman provide are marked as such; the rest are unresolved and flagged.
 */
export function QuadletDependenciesCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<UnitQuadletSpec | SystemdUnitQuadletSpec>(entity);
  // In the order of the file, so the table reads like the unit.
  const dependencies = sortByPlace(list(spec.dependencies));
  const unresolved = dependencies.filter(
    dependency => dependencyState(dependency) === 'unresolved',
  ).length;

  return (
    <EntityInfoCard
      title="Unit dependencies"
      headerActions={
        unresolved > 0 ? (
          <Chip tone="negative">{`${unresolved} unresolved`}</Chip>
        ) : undefined
      }
    >
      {dependencies.length === 0 ? (
        <EmptyNote>
          No references to other units: no [Unit] dependencies, volumes,
          networks or pod.
        </EmptyNote>
      ) : (
        <DataTable
          rows={dependencies}
          columns={[
            {
              id: 'key',
              label: 'Key',
              render: dependency => (
                <Mono>{`${dependency.key ?? dependency.kind ?? ''}=`}</Mono>
              ),
            },
            {
              id: 'target',
              label: 'Unit',
              rowHeader: true,
              render: dependency => (
                <EntityOrName
                  entityRef={dependency.ref}
                  name={dependency.target}
                />
              ),
            },
            {
              id: 'state',
              label: 'Resolves to',
              render: dependency => <DependencyState dependency={dependency} />,
            },
            {
              id: 'line',
              label: 'Line',
              render: dependency => (
                <SourceRef place={dependency.source} short />
              ),
            },
          ]}
        />
      )}
    </EntityInfoCard>
  );
}

type State = 'box' | 'system' | 'unresolved';

function dependencyState(dependency: UnitDependencyFact): State {
  if (dependency.resolved) return 'box';
  if (dependency.wellKnown) return 'system';
  return 'unresolved';
}

function DependencyState(props: { dependency: UnitDependencyFact }) {
  const state = dependencyState(props.dependency);
  if (state === 'box') return <Chip tone="positive">unit of this box</Chip>;
  if (state === 'system')
    return <Chip tone="neutral">provided by systemd/podman</Chip>;
  return (
    <Chip
      tone="negative"
      title={`No unit of this box answers to ${
        props.dependency.service ?? props.dependency.target
      }`}
    >
      unresolved
    </Chip>
  );
}

/** By file, then line; stable, so keys of one line keep their order. */
export function sortByPlace(
  dependencies: UnitDependencyFact[],
): UnitDependencyFact[] {
  return dependencies
    .map((dependency, index) => ({ dependency, index }))
    .sort((a, b) => {
      const pa = a.dependency.source;
      const pb = b.dependency.source;
      const byFile = `${pa?.tree}:${pa?.path}`.localeCompare(
        `${pb?.tree}:${pb?.path}`,
      );
      return byFile || (pa?.line ?? 0) - (pb?.line ?? 0) || a.index - b.index;
    })
    .map(item => item.dependency);
}
