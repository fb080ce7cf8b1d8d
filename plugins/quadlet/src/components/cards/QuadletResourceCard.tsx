import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type { UnitQuadletSpec } from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { FactList } from '../common/FactList';
import { LeadingComment } from '../common/LeadingComment';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';
import { ImageFacts } from './ImageFacts';

const TITLES: Record<string, string> = {
  volume: 'Volume',
  network: 'Network',
  image: 'Image unit',
  build: 'Build unit',
  artifact: 'Artifact unit',
};

/** A `.volume` / `.network` / `.image` / `.build` / `.artifact` unit: its podman name and settings. */
export function QuadletResourceCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<UnitQuadletSpec>(entity);
  const settings = list(spec.settings);
  return (
    <EntityInfoCard title={TITLES[spec.unitType ?? ''] ?? 'Quadlet unit'}>
      <LeadingComment text={spec.leadingComment} />
      <FactList
        facts={[{ label: 'Podman name', value: <PodmanName spec={spec} /> }]}
      />
      {spec.image && (
        <Section title="Image">
          <ImageFacts image={spec.image} />
        </Section>
      )}
      <Section title="Settings" count={settings.length}>
        {settings.length ? (
          <DataTable
            rows={settings}
            columns={[
              {
                id: 'key',
                label: 'Key',
                rowHeader: true,
                render: setting => (
                  <Mono>{`[${setting.section}] ${setting.key}`}</Mono>
                ),
              },
              {
                id: 'value',
                label: 'Value',
                render: setting => <Mono>{setting.value}</Mono>,
              },
              {
                id: 'line',
                label: 'Line',
                render: setting => <SourceRef place={setting.source} short />,
              },
            ]}
          />
        ) : (
          <EmptyNote>No settings beyond the defaults.</EmptyNote>
        )}
      </Section>
    </EntityInfoCard>
  );
}

function PodmanName(props: { spec: Partial<UnitQuadletSpec> }) {
  if (props.spec.resourceName) return <Mono>{props.spec.resourceName}</Mono>;
  if (props.spec.resourceNamePattern) {
    return (
      <Mono title="completed when the unit starts">
        {props.spec.resourceNamePattern}
      </Mono>
    );
  }
  return <>not known until it starts</>;
}
