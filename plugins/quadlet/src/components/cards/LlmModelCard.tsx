import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import type { ModelQuadletSpec } from '../../spec';
import { list, quadletSpec, refName } from '../../specReaders';
import { Chip } from '../common/Chip';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { EntityOrName } from '../common/EntityOrName';
import { FactList } from '../common/FactList';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

export interface ServerFlag {
  flag: string;
  value?: string;
}

/**
 * The flags of the model's server command as rows. The provider lists flag names only (values may
 * carry keys or paths); a `{ flag, value }` list or a `flag → value` map is shown with its values.
 */
export function serverFlags(flags: unknown): ServerFlag[] {
  if (Array.isArray(flags)) {
    return flags.flatMap((item): ServerFlag[] => {
      if (typeof item === 'string') return [{ flag: item }];
      if (item && typeof item === 'object' && typeof item.flag === 'string') {
        return [
          {
            flag: item.flag,
            value: typeof item.value === 'string' ? item.value : undefined,
          },
        ];
      }
      return [];
    });
  }
  if (flags && typeof flags === 'object') {
    return Object.entries(flags).map(([flag, value]) => ({
      flag,
      value: typeof value === 'string' ? value : undefined,
    }));
  }
  return [];
}

/** A llama-swap model: how it is addressed, when it unloads, who serves it, its server flags. */
export function LlmModelCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<ModelQuadletSpec>(entity);
  const aliases = list(spec.aliases);
  const aliasRefs = list(spec.aliasRefs);
  const groups = list(spec.groups);
  const flags = serverFlags(spec.flags);

  return (
    <EntityInfoCard title="llama-swap model">
      <Section title="Serving">
        <FactList
          facts={[
            {
              label: 'Model id',
              value: <Mono>{spec.id ?? entity.metadata.name}</Mono>,
            },
            { label: 'Name', value: spec.displayName },
            {
              label: 'LiteLLM aliases',
              value: aliasRefs.length ? (
                <Flex gap="3" style={{ flexWrap: 'wrap' }}>
                  {aliasRefs.map(ref => (
                    <EntityOrName
                      key={ref}
                      entityRef={ref}
                      name={refName(ref).replace(/\.alias$/, '')}
                    />
                  ))}
                </Flex>
              ) : (
                'none: no LiteLLM alias resolves to it'
              ),
            },
            {
              label: 'llama-swap aliases',
              value: aliases.length ? (
                <Mono>{aliases.join(', ')}</Mono>
              ) : (
                'none'
              ),
            },
            {
              label: 'Groups',
              value: groups.length ? <Mono>{groups.join(', ')}</Mono> : 'none',
            },
            { label: 'TTL', value: ttlText(spec.ttl) },
            {
              label: 'Proxy',
              value: spec.proxy ? <ProxyValue proxy={spec.proxy} /> : 'not set',
            },
            {
              label: 'Model file',
              value: spec.modelPath ? <Mono>{spec.modelPath}</Mono> : undefined,
            },
            {
              label: 'Served by',
              value: spec.server?.name ? (
                <EntityOrName
                  entityRef={spec.server.ref}
                  name={spec.server.name}
                />
              ) : (
                'no container of this box mounts the llama-swap config'
              ),
            },
            {
              label: 'Defined at',
              value: spec.source ? (
                <SourceRef place={spec.source} />
              ) : undefined,
            },
          ]}
        />
      </Section>
      <Section title="Server flags" count={flags.length}>
        <ServerFlags flags={flags} />
      </Section>
    </EntityInfoCard>
  );
}

function ttlText(ttl: number | undefined): string {
  if (ttl === undefined || ttl === 0)
    return 'none: stays loaded until swapped out';
  return `${ttl} s idle, then unloaded`;
}

/** llama-swap starts the server in its own network namespace: anything but loopback is suspect. */
function ProxyValue(props: { proxy: string }) {
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/i.test(
    props.proxy,
  );
  return (
    <>
      <Mono>{props.proxy}</Mono>{' '}
      {!loopback && (
        <Chip
          tone="warning"
          title="llama-swap runs the server in its own network namespace: proxy: should target 127.0.0.1"
        >
          not loopback
        </Chip>
      )}
    </>
  );
}

/** A flag → value table when values are known; else the flag names in a row, and why no values. */
function ServerFlags(props: { flags: ServerFlag[] }) {
  const { flags } = props;
  if (flags.length === 0)
    return <EmptyNote>The model's cmd: has no flags.</EmptyNote>;
  if (flags.some(flag => flag.value !== undefined)) {
    return (
      <DataTable
        rows={flags}
        columns={[
          {
            id: 'flag',
            label: 'Flag',
            rowHeader: true,
            render: flag => <Mono>{flag.flag}</Mono>,
          },
          {
            id: 'value',
            label: 'Value',
            render: flag =>
              flag.value !== undefined ? <Mono>{flag.value}</Mono> : '',
          },
        ]}
      />
    );
  }
  return (
    <>
      <Flex gap="2" style={{ flexWrap: 'wrap' }} aria-label="Flags">
        {flags.map((flag, index) => (
          <Mono key={`${flag.flag}-${index}`}>{flag.flag}</Mono>
        ))}
      </Flex>
      <EmptyNote>
        Flag values are not in the catalog: the provider records flag names
        only.
      </EmptyNote>
    </>
  );
}
