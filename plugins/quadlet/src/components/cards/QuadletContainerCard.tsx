import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import type { UnitQuadletSpec } from '../../spec';
import { list, quadletSpec, refName } from '../../specReaders';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { EntityOrName } from '../common/EntityOrName';
import { LeadingComment } from '../common/LeadingComment';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';
import { ImageFacts } from './ImageFacts';

type Port = UnitQuadletSpec['ports'][number];
type Volume = UnitQuadletSpec['volumes'][number];
type Network = UnitQuadletSpec['networks'][number];
type PublicHostname = UnitQuadletSpec['hostnames'][number];

const TITLES: Record<string, string> = {
  container: 'Container',
  pod: 'Pod',
  kube: 'Kube unit',
};

/**
 * What a container/pod/kube unit runs and how it is reached: image, public hostnames, published
 * ports, volumes, networks.
 */
export function QuadletContainerCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<UnitQuadletSpec>(entity);
  const hostnames = list(spec.hostnames);
  const ports = list(spec.ports);
  const volumes = list(spec.volumes);
  const networks = list(spec.networks);
  const aliases = list(spec.networkAliases);
  const serves = list(spec.serves);
  const isContainer = spec.unitType === 'container';

  return (
    <EntityInfoCard title={TITLES[spec.unitType ?? ''] ?? 'Unit'}>
      <LeadingComment text={spec.leadingComment} />
      <Section title="Image">
        {spec.image ? (
          <ImageFacts image={spec.image} />
        ) : (
          <EmptyNote>
            {isContainer
              ? 'No Image= in this unit: podman refuses to start it.'
              : 'No image of its own: it runs the units or YAML it names.'}
          </EmptyNote>
        )}
      </Section>

      {spec.pod && (
        <Section title="Pod">
          <EntityOrName entityRef={spec.pod.ref} name={spec.pod.name} />
        </Section>
      )}

      <Section title="Public hostnames" count={hostnames.length}>
        {hostnames.length ? (
          <HostnameTable hostnames={hostnames} />
        ) : (
          <EmptyNote>No public hostname routes to this unit.</EmptyNote>
        )}
      </Section>

      <Section title="Published ports" count={ports.length}>
        {ports.length ? (
          <PortTable ports={ports} />
        ) : (
          <EmptyNote>
            No PublishPort=: reachable only from its networks.
          </EmptyNote>
        )}
      </Section>

      <Section title="Volumes" count={volumes.length}>
        {volumes.length ? (
          <VolumeTable volumes={volumes} />
        ) : (
          <EmptyNote>No Volume= mounts: nothing persists.</EmptyNote>
        )}
      </Section>

      <Section title="Networks" count={networks.length}>
        {networks.length ? (
          <NetworkTable networks={networks} />
        ) : (
          <EmptyNote>No Network=: podman's default network.</EmptyNote>
        )}
        {aliases.length > 0 && (
          <EmptyNote>
            Also resolvable as <Mono>{aliases.join(', ')}</Mono>
          </EmptyNote>
        )}
      </Section>

      {serves.length > 0 && (
        <Section title="Serves" count={serves.length}>
          <Flex gap="3" style={{ flexWrap: 'wrap' }}>
            {serves.map(ref => (
              <EntityOrName key={ref} entityRef={ref} name={refName(ref)} />
            ))}
          </Flex>
        </Section>
      )}
    </EntityInfoCard>
  );
}

function HostnameTable(props: { hostnames: PublicHostname[] }) {
  return (
    <DataTable
      rows={props.hostnames}
      columns={[
        {
          id: 'hostname',
          label: 'Hostname',
          rowHeader: true,
          render: host => (
            <EntityOrName entityRef={host.ref} name={host.hostname} />
          ),
        },
        {
          id: 'path',
          label: 'Path',
          render: host => (host.path ? <Mono>{host.path}</Mono> : 'all'),
        },
        {
          id: 'port',
          label: 'To container port',
          render: host =>
            host.port !== undefined ? <Mono>{host.port}</Mono> : 'unknown',
        },
      ]}
    />
  );
}

function PortTable(props: { ports: Port[] }) {
  return (
    <DataTable
      rows={props.ports}
      columns={[
        {
          id: 'host',
          label: 'Host',
          rowHeader: true,
          render: port =>
            port.hostPort !== undefined ? (
              <Mono>{`${port.hostIp ?? '0.0.0.0'}:${port.hostPort}`}</Mono>
            ) : (
              <Mono title="podman picks a free port">{`${
                port.hostIp ?? '0.0.0.0'
              }:(any)`}</Mono>
            ),
        },
        {
          id: 'container',
          label: 'Container',
          render: port => (
            <Mono>{`${port.containerPort ?? '?'}/${
              port.protocol ?? 'tcp'
            }`}</Mono>
          ),
        },
        {
          id: 'line',
          label: 'Line',
          render: port => <SourceRef place={port.source} short />,
        },
      ]}
    />
  );
}

const VOLUME_KINDS: Record<string, string> = {
  unit: 'quadlet volume',
  named: 'podman volume',
  host: 'host path',
  anonymous: 'anonymous',
};

function VolumeTable(props: { volumes: Volume[] }) {
  return (
    <DataTable
      rows={props.volumes}
      columns={[
        {
          id: 'from',
          label: 'Source',
          rowHeader: true,
          render: volume =>
            volume.from ? (
              <EntityOrName entityRef={volume.ref} name={volume.from} />
            ) : (
              <Mono>(anonymous)</Mono>
            ),
        },
        {
          id: 'to',
          label: 'Mounted at',
          render: volume => (
            <Mono>
              {volume.to ?? '?'}
              {volume.options ? `:${volume.options}` : ''}
            </Mono>
          ),
        },
        {
          id: 'kind',
          label: 'Kind',
          render: volume =>
            volume.repoSource ? (
              <>
                {'repo '}
                {volume.repoSource.directory ? 'folder ' : 'file '}
                <SourceRef place={volume.repoSource} short />
              </>
            ) : (
              VOLUME_KINDS[volume.kind ?? ''] ?? volume.kind ?? ''
            ),
        },
        {
          id: 'line',
          label: 'Line',
          render: volume => <SourceRef place={volume.source} short />,
        },
      ]}
    />
  );
}

function NetworkTable(props: { networks: Network[] }) {
  return (
    <DataTable
      rows={props.networks}
      columns={[
        {
          id: 'name',
          label: 'Network',
          rowHeader: true,
          render: network => (
            <EntityOrName
              entityRef={network.ref}
              name={network.name ?? network.text}
            />
          ),
        },
        {
          id: 'options',
          label: 'Options',
          render: network =>
            network.options ? <Mono>{network.options}</Mono> : 'none',
        },
        {
          id: 'line',
          label: 'Line',
          render: network => <SourceRef place={network.source} short />,
        },
      ]}
    />
  );
}
