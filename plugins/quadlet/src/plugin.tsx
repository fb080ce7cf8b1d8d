import type { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { IconBundleBlueprint } from '@backstage/plugin-app-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
  type EntityCardType,
} from '@backstage/plugin-catalog-react/alpha';
import type { JSX } from 'react';
import { DecisionKindIcon } from './DecisionKindIcon';
import {
  hasHandoffGuide,
  hasHandoffReference,
  hasQuadletSource,
  hasUnitEnvironment,
  isDecision,
  isDistrobox,
  isHostname,
  isKernelArgs,
  isLlmAlias,
  isLlmModel,
  isOsImage,
  isQuadletBox,
  isQuadletResource,
  isQuadletUnitComponent,
  isQuadletWorkload,
  isSystemdUnit,
} from './entityPredicates';
import { HandoffClient, handoffApiRef } from './handoff/api';

type Cards = typeof import('./components/cards');

/** An overview card, loaded with the others on first use (one chunk for all of them). */
function card(
  name: string,
  filter: (entity: Entity) => boolean,
  render: (cards: Cards) => JSX.Element,
  type: EntityCardType = 'content',
) {
  return EntityCardBlueprint.make({
    name,
    params: {
      filter,
      type,
      loader: () => import('./components/cards').then(render),
    },
  });
}

/**
 * Cards on the overview of each kind of box entity. The catalog graph card comes from the
 * catalog-graph plugin and shows on every entity page.
 */
export const quadletEntityCards = [
  card('container', isQuadletWorkload, m => <m.QuadletContainerCard />),
  card('systemd-unit', isSystemdUnit, m => <m.SystemdUnitCard />),
  card('distrobox', isDistrobox, m => <m.DistroboxCard />),
  card('quadlet-resource', isQuadletResource, m => <m.QuadletResourceCard />),
  card('environment', hasUnitEnvironment, m => <m.QuadletEnvironmentCard />),
  card('dependencies', isQuadletUnitComponent, m => (
    <m.QuadletDependenciesCard />
  )),
  card('hostname-route', isHostname, m => <m.HostnameChainCard />),
  card('llm-model', isLlmModel, m => <m.LlmModelCard />),
  card('llm-alias', isLlmAlias, m => <m.LlmAliasCard />),
  card('decision', isDecision, m => <m.DecisionCard />),
  card('decision-citations', isDecision, m => <m.DecisionCitationsCard />),
  card('box-diagnostics', isQuadletBox, m => <m.BoxDiagnosticsCard />),
  card('kernel-args', isKernelArgs, m => <m.KernelArgsCard />),
  card('os-image', isOsImage, m => <m.OsImageCard />),
  card('source', hasQuadletSource, m => <m.QuadletSourceCard />, 'info'),
  card('box-trees', isQuadletBox, m => <m.BoxTreesCard />, 'info'),
];

/** The quadlet backend's client (the handoff guide), with the signed-in user's token. */
export const handoffApi = ApiBlueprint.make({
  name: 'handoff',
  params: defineParams =>
    defineParams({
      api: handoffApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HandoffClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The tabs of the handoff guide (docs/handoff.md): the whole guide on a box's System, and each
 * component's own entry.
 */
export const quadletEntityContents = [
  EntityContentBlueprint.make({
    name: 'handoff',
    params: {
      path: 'handoff',
      title: 'Handoff',
      filter: hasHandoffGuide,
      loader: () =>
        import('./components/handoff').then(m => <m.HandoffContent />),
    },
  }),
  EntityContentBlueprint.make({
    name: 'reference',
    params: {
      path: 'reference',
      title: 'Reference',
      filter: hasHandoffReference,
      loader: () =>
        import('./components/handoff').then(m => <m.ReferenceContent />),
    },
  }),
];

/** `kind:decision`, for the places that show kind icons (the entity inspector, kind-aware lists). */
export const decisionKindIcon = IconBundleBlueprint.make({
  name: 'decision-kind',
  params: { icons: { 'kind:decision': DecisionKindIcon } },
});

/** quadlet-portal's entity pages, for apps on the new frontend system. */
export const quadletPlugin = createFrontendPlugin({
  pluginId: 'quadlet',
  title: 'Quadlet',
  extensions: [
    ...quadletEntityCards,
    ...quadletEntityContents,
    handoffApi,
    decisionKindIcon,
  ],
});
