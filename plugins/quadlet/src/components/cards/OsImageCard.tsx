import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type { OsImageQuadletSpec } from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { FactList } from '../common/FactList';
import { Mono } from '../common/Mono';
import { SourceRef } from '../common/SourceRef';

/** What the bootc image is built from: distribution, release, architecture, format, packages. */
export function OsImageCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<OsImageQuadletSpec>(entity);
  const packages = list(spec.packages);
  return (
    <EntityInfoCard title="OS image">
      <FactList
        facts={[
          {
            label: 'Distribution',
            value:
              spec.distribution ??
              'not set (mkosi picks the host distribution)',
          },
          { label: 'Release', value: spec.release ?? 'not set' },
          { label: 'Architecture', value: spec.architecture ?? undefined },
          {
            label: 'Base image',
            value: spec.baseImage ? <Mono>{spec.baseImage}</Mono> : undefined,
          },
          {
            label: 'Image id',
            value: spec.imageId ? <Mono>{spec.imageId}</Mono> : undefined,
          },
          {
            label: 'Version',
            value: spec.imageVersion ? (
              <Mono>{spec.imageVersion}</Mono>
            ) : undefined,
          },
          { label: 'Format', value: spec.format ?? undefined },
          {
            label: `Packages (${packages.length})`,
            value: packages.length ? (
              <Mono>{packages.join(' ')}</Mono>
            ) : (
              'none listed'
            ),
          },
          {
            label: 'Defined at',
            value: spec.source ? <SourceRef place={spec.source} /> : undefined,
          },
        ]}
      />
    </EntityInfoCard>
  );
}
