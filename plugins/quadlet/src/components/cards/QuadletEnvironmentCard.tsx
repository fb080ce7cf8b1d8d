import { Flex } from '@backstage/ui';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type {
  QuadletEnvFile,
  SystemdUnitQuadletSpec,
  UnitQuadletSpec,
} from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { Chip, type ChipTone } from '../common/Chip';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

const ENV_FILE_STATUS: Record<
  string,
  { tone: ChipTone; label: string; title: string }
> = {
  present: {
    tone: 'positive',
    label: 'in the repo',
    title: 'The file itself is in the repository',
  },
  template: {
    tone: 'positive',
    label: 'rendered',
    title: 'Rendered from a template (.env.tmpl) in the repository',
  },
  missing: {
    tone: 'negative',
    label: 'missing',
    title:
      'Neither in the repository nor rendered from a template: the unit fails to start',
  },
  external: {
    tone: 'neutral',
    label: 'outside the repo',
    title: 'Lives outside the trees this box is read from',
  },
  unknown: {
    tone: 'neutral',
    label: 'not checked',
    title:
      'The path depends on specifiers or templates the portal does not resolve',
  },
};

/**
 * Configuration a unit reads: env files with the **names** of their variables, `Environment=`
 * names and podman secret names. Values never reach the catalog, so none can be shown here.
 */
export function QuadletEnvironmentCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<UnitQuadletSpec | SystemdUnitQuadletSpec>(entity);
  const envFiles = list(spec.envFiles);
  const environment = list(spec.environment);
  const secrets = spec.kind === 'quadlet-unit' ? list(spec.secrets) : [];
  const podmanUnit = spec.kind !== 'systemd-unit';

  return (
    <EntityInfoCard title="Environment and secrets">
      <Section title="Env files" count={envFiles.length}>
        {envFiles.length ? (
          <EnvFileTable envFiles={envFiles} />
        ) : (
          <EmptyNote>No EnvironmentFile=.</EmptyNote>
        )}
      </Section>
      <Section title="Environment= variables" count={environment.length}>
        {environment.length ? (
          <NameTable names={environment} />
        ) : (
          <EmptyNote>No Environment= lines.</EmptyNote>
        )}
      </Section>
      {podmanUnit && (
        <Section title="Podman secrets" count={secrets.length}>
          {secrets.length ? (
            <SecretTable secrets={secrets} />
          ) : (
            <EmptyNote>No Secret= lines.</EmptyNote>
          )}
        </Section>
      )}
    </EntityInfoCard>
  );
}

function EnvFileTable(props: { envFiles: QuadletEnvFile[] }) {
  return (
    <DataTable
      rows={props.envFiles}
      columns={[
        {
          id: 'path',
          label: 'File',
          rowHeader: true,
          render: file => (
            <Flex direction="column" gap="1">
              <Mono>{file.path}</Mono>
              {file.file && (
                <span>
                  {file.status === 'template' ? 'from ' : 'at '}
                  <SourceRef place={file.file} short />
                </span>
              )}
            </Flex>
          ),
        },
        {
          id: 'status',
          label: 'Status',
          render: file => <EnvFileStatus file={file} />,
        },
        {
          id: 'variables',
          label: 'Variables',
          render: file => <VariableNames file={file} />,
        },
        {
          id: 'line',
          label: 'Line',
          render: file => <SourceRef place={file.source} short />,
        },
      ]}
    />
  );
}

function EnvFileStatus(props: { file: QuadletEnvFile }) {
  const status = props.file.status
    ? ENV_FILE_STATUS[props.file.status]
    : undefined;
  return (
    <Flex gap="1" style={{ flexWrap: 'wrap' }}>
      {status ? (
        <Chip tone={status.tone} title={status.title}>
          {status.label}
        </Chip>
      ) : (
        <Chip tone="neutral">not checked</Chip>
      )}
      {props.file.optional && (
        <Chip
          tone="neutral"
          title="Written with a leading '-': systemd ignores it when absent"
        >
          optional
        </Chip>
      )}
    </Flex>
  );
}

function VariableNames(props: { file: QuadletEnvFile }) {
  const names = list(props.file.variables);
  if (names.length > 0) return <Mono>{names.join(', ')}</Mono>;
  if (props.file.status === 'missing')
    return <span>unknown: no such file</span>;
  if (props.file.status === 'external')
    return <span>unknown: outside the box</span>;
  return <span>none</span>;
}

function NameTable(props: { names: UnitQuadletSpec['environment'] }) {
  return (
    <DataTable
      rows={props.names}
      columns={[
        {
          id: 'name',
          label: 'Variable',
          rowHeader: true,
          render: item => <Mono>{item.name}</Mono>,
        },
        {
          id: 'line',
          label: 'Line',
          render: item => <SourceRef place={item.source} short />,
        },
      ]}
    />
  );
}

function SecretTable(props: { secrets: UnitQuadletSpec['secrets'] }) {
  return (
    <DataTable
      rows={props.secrets}
      columns={[
        {
          id: 'name',
          label: 'Secret',
          rowHeader: true,
          render: secret => <Mono>{secret.name}</Mono>,
        },
        {
          id: 'as',
          label: 'Exposed as',
          render: secret =>
            secret.type || secret.target ? (
              <Mono>
                {[secret.type, secret.target].filter(Boolean).join(' → ')}
              </Mono>
            ) : (
              'mount (default)'
            ),
        },
        {
          id: 'line',
          label: 'Line',
          render: secret => <SourceRef place={secret.source} short />,
        },
      ]}
    />
  );
}
