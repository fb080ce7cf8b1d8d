import type { ReactNode } from 'react';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import type {
  HostnameChain,
  HostnameQuadletSpec,
  SourcePlace,
} from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { Chip } from '../common/Chip';
import { EmptyNote } from '../common/EmptyNote';
import { EntityOrName } from '../common/EntityOrName';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

const useStyles = makeStyles({
  hops: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr) max-content',
    columnGap: 'var(--bui-space-4, 16px)',
    rowGap: 'var(--bui-space-1, 4px)',
    alignItems: 'baseline',
  },
  hop: {
    display: 'contents',
  },
  arrow: {
    gridColumn: '1 / -1',
    color: 'var(--bui-fg-secondary, #888)',
    paddingLeft: 'var(--bui-space-2, 8px)',
    lineHeight: 1,
  },
  detail: {
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
});

type HopName = 'ingress' | 'proxy' | 'upstream' | 'container';

const HOP_LABELS: Record<HopName, string> = {
  ingress: 'cloudflared',
  proxy: 'Caddy',
  upstream: 'upstream',
  container: 'container',
};

/**
 * How a public hostname reaches a container: cloudflared ingress → Caddy route → upstream →
 * the container and port, each hop with the line that makes it. A hop that could not be followed
 * is shown in place, with the reason, so a broken route reads as such.
 */
export function HostnameChainCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<HostnameQuadletSpec>(entity);
  const chains = list(spec.chains);
  const declaredBy = list(spec.declaredBy);
  const hostname =
    spec.hostname ?? entity.metadata.title ?? entity.metadata.name;
  const complete = chains.length > 0 && chains.every(chain => chain.complete);

  return (
    <EntityInfoCard
      title={`Route of ${hostname}`}
      headerActions={
        chains.length ? (
          <Chip tone={complete ? 'positive' : 'negative'}>
            {complete ? 'reaches a container' : 'broken'}
          </Chip>
        ) : undefined
      }
    >
      {declaredBy.length > 0 && (
        <Text
          as="p"
          variant="body-small"
          color="secondary"
          style={{ margin: '0 0 var(--bui-space-3, 12px) 0' }}
        >
          Declared by {declaredBy.join(' and ')}.
        </Text>
      )}
      <Chains chains={chains} />
    </EntityInfoCard>
  );
}

/** One chain as is; several (per path matcher) each under its path. */
function Chains(props: { chains: HostnameChain[] }) {
  const { chains } = props;
  if (chains.length === 0) {
    return (
      <EmptyNote>
        No route found: neither a cloudflared ingress rule nor a Caddy site
        serves this hostname.
      </EmptyNote>
    );
  }
  if (chains.length === 1 && !chains[0].path)
    return <Chain chain={chains[0]} />;
  return (
    <>
      {chains.map((chain, index) => (
        <Section
          key={index}
          title={`Path ${chain.path ?? '(all other paths)'}`}
        >
          <Chain chain={chain} />
        </Section>
      ))}
    </>
  );
}

interface Hop {
  name: HopName;
  /** The component doing this hop (the cloudflared service, the Caddy container), when it is an entity. */
  ref?: string;
  detail: ReactNode | undefined;
  source?: SourcePlace;
}

function hopsOf(chain: HostnameChain): Hop[] {
  const { ingress, proxy, upstream, container } = chain;
  return [
    {
      name: 'ingress',
      ref: ingress?.ref,
      detail: ingress ? (
        <>
          ingress to <Mono>{ingress.service}</Mono>
        </>
      ) : undefined,
      source: ingress?.source,
    },
    {
      name: 'proxy',
      ref: proxy?.ref,
      detail: proxy ? (
        <>
          site <Mono>{proxy.siteAddress}</Mono>
          {proxy.matcher && (
            <>
              {' '}
              matcher <Mono>{proxy.matcher}</Mono>
            </>
          )}
          {proxy.pathMatcher && (
            <>
              {' '}
              path <Mono>{proxy.pathMatcher}</Mono>
            </>
          )}
        </>
      ) : undefined,
      source: proxy?.source,
    },
    {
      name: 'upstream',
      detail: upstream ? (
        <>
          reverse_proxy <Mono>{upstream.raw ?? upstreamText(upstream)}</Mono>
        </>
      ) : undefined,
    },
    {
      name: 'container',
      detail: container ? (
        <>
          <EntityOrName
            entityRef={container.ref}
            name={container.unitFile ?? container.containerName ?? '?'}
          />
          {container.port !== undefined && (
            <>
              {' '}
              port <Mono>{container.port}</Mono>
            </>
          )}
          {container.via && (
            <Text variant="body-small" color="secondary">
              {` (matched by ${container.via.replace(/-/g, ' ')})`}
            </Text>
          )}
        </>
      ) : undefined,
    },
  ];
}

function Chain(props: { chain: HostnameChain }) {
  const classes = useStyles();
  const problems = new Map<string, string>(
    list(props.chain.unresolved).map(problem => [problem.hop, problem.reason]),
  );
  return (
    <ol className={classes.hops}>
      {hopsOf(props.chain).map((hop, index) => (
        <li
          key={hop.name}
          className={classes.hop}
          aria-label={HOP_LABELS[hop.name]}
        >
          {index > 0 && (
            <span className={classes.arrow} aria-hidden>
              ↓
            </span>
          )}
          <Text variant="body-medium" weight="bold">
            {hop.ref ? (
              <EntityRefLink entityRef={hop.ref} hideIcon disableTooltip>
                {HOP_LABELS[hop.name]}
              </EntityRefLink>
            ) : (
              HOP_LABELS[hop.name]
            )}
          </Text>
          <span className={classes.detail}>
            {hop.detail ?? <MissingHop reason={problems.get(hop.name)} />}
            {hop.detail && problems.has(hop.name) && (
              <>
                {' '}
                <Chip tone="negative">{problems.get(hop.name)}</Chip>
              </>
            )}
          </span>
          <span>
            {hop.source ? <SourceRef place={hop.source} short /> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A hop the chain lacks: broken when the provider says why, else simply not part of this route. */
function MissingHop(props: { reason: string | undefined }) {
  if (props.reason)
    return <Chip tone="negative">{`missing: ${props.reason}`}</Chip>;
  return <Chip tone="neutral">none</Chip>;
}

function upstreamText(
  upstream: NonNullable<HostnameChain['upstream']>,
): string {
  return `${upstream.host}${
    upstream.port !== undefined ? `:${upstream.port}` : ''
  }`;
}
