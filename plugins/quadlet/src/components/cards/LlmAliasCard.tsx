import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import type { AliasQuadletSpec, AliasResolutionFact } from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { Chip } from '../common/Chip';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { EntityOrName } from '../common/EntityOrName';
import { FactList } from '../common/FactList';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

/** A LiteLLM model name: where each deployment goes, whether it resolves, what it falls back to. */
export function LlmAliasCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<AliasQuadletSpec>(entity);
  const deployments = list(spec.deployments);
  const fallbacks = list(spec.fallbacks);
  const resolved =
    spec.resolved ??
    deployments.every(d => d.resolution?.kind !== 'unresolved');

  return (
    <EntityInfoCard
      title="LiteLLM alias"
      headerActions={
        deployments.length ? (
          <Chip tone={resolved ? 'positive' : 'negative'}>
            {resolved ? 'resolves' : 'does not resolve'}
          </Chip>
        ) : undefined
      }
    >
      <Section title="Routing">
        <FactList
          facts={[
            {
              label: 'Model name',
              value: (
                <Mono>
                  {spec.name ?? entity.metadata.title ?? entity.metadata.name}
                </Mono>
              ),
            },
            {
              label: 'Gateway',
              value: spec.gateway?.name ? (
                <EntityOrName
                  entityRef={spec.gateway.ref}
                  name={spec.gateway.name}
                />
              ) : (
                'no container of this box mounts the LiteLLM config'
              ),
            },
            {
              label: 'Fallbacks',
              value: fallbacks.length ? (
                <Flex gap="3" style={{ flexWrap: 'wrap' }}>
                  {fallbacks.map(fallback => (
                    <EntityOrName
                      key={fallback.name}
                      entityRef={fallback.ref}
                      name={fallback.name}
                    />
                  ))}
                </Flex>
              ) : (
                'none'
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
      <Section title="Deployments" count={deployments.length}>
        {deployments.length === 0 ? (
          <EmptyNote>No model_list entry carries this name.</EmptyNote>
        ) : (
          <DataTable
            rows={deployments}
            columns={[
              {
                id: 'model',
                label: 'Model',
                rowHeader: true,
                render: d => <Mono>{d.model}</Mono>,
              },
              {
                id: 'resolution',
                label: 'Resolves to',
                render: d => <Resolution resolution={d.resolution} />,
              },
              {
                id: 'apiBase',
                label: 'api_base',
                render: d =>
                  d.apiBase ? <Mono>{d.apiBase}</Mono> : 'provider default',
              },
              {
                id: 'env',
                label: 'Env',
                render: d =>
                  list(d.envNames).length ? (
                    <Mono>{list(d.envNames).join(', ')}</Mono>
                  ) : (
                    'none'
                  ),
              },
              {
                id: 'line',
                label: 'Line',
                render: d => <SourceRef place={d.source} short />,
              },
            ]}
          />
        )}
      </Section>
    </EntityInfoCard>
  );
}

function Resolution(props: {
  resolution: Partial<AliasResolutionFact> | undefined;
}) {
  const resolution = props.resolution;
  switch (resolution?.kind) {
    case 'local':
      return (
        <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
          <Chip tone="positive">local</Chip>
          <EntityOrName
            entityRef={resolution.modelRef}
            name={resolution.model ?? '?'}
          />
        </Flex>
      );
    case 'cloud':
      return (
        <Chip tone="neutral">{`cloud: ${
          resolution.provider ?? 'unknown provider'
        }`}</Chip>
      );
    case 'endpoint':
      return (
        <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
          <Chip tone="neutral">endpoint</Chip>
          <Mono>{resolution.url ?? ''}</Mono>
        </Flex>
      );
    case 'unresolved':
      return (
        <Chip tone="negative">{`unresolved: ${
          resolution.reason ?? 'no model or provider matches'
        }`}</Chip>
      );
    default:
      return <Chip tone="neutral">not checked</Chip>;
  }
}
