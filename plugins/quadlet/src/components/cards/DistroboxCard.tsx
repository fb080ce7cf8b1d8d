import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type { DistroboxQuadletSpec } from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { EmptyNote } from '../common/EmptyNote';
import { FactList } from '../common/FactList';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { ImageFacts } from './ImageFacts';

/** A distrobox container of an assemble manifest: its image, packages and mounts. */
export function DistroboxCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<DistroboxQuadletSpec>(entity);
  const packages = list(spec.packages);
  const volumes = list(spec.volumes);
  return (
    <EntityInfoCard title="Distrobox">
      <Section title="Image">
        {spec.image ? (
          <ImageFacts image={spec.image} />
        ) : (
          <EmptyNote>No image= in the manifest entry.</EmptyNote>
        )}
      </Section>
      <Section title="Setup">
        <FactList
          facts={[
            {
              label: `Packages (${packages.length})`,
              value: packages.length ? (
                <Mono>{packages.join(' ')}</Mono>
              ) : (
                'none'
              ),
            },
            {
              label: `Volumes (${volumes.length})`,
              value: volumes.length ? (
                <Mono>{volumes.join(', ')}</Mono>
              ) : (
                'none'
              ),
            },
            { label: 'Start now', value: yesNo(spec.startNow, 'yes') },
            { label: 'Init', value: yesNo(spec.init, 'yes (systemd inside)') },
          ]}
        />
      </Section>
    </EntityInfoCard>
  );
}

function yesNo(value: boolean | undefined, yes: string): string | undefined {
  if (value === undefined) return undefined;
  return value ? yes : 'no';
}
