import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { HandoffClient, handoffApiRef } from './handoff/api';

/**
 * The same cards for apps on the legacy frontend system. Each reads the entity from the page
 * (`useEntity`); place it behind the predicate named in its comment, e.g.
 *
 *   <EntitySwitch.Case if={isQuadletWorkload}>
 *     <EntityQuadletContainerCard />
 *   </EntitySwitch.Case>
 */
export const quadletLegacyPlugin = createPlugin({
  id: 'quadlet',
  apis: [
    createApiFactory({
      api: handoffApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HandoffClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** Show when `isQuadletWorkload(entity)`. */
export const EntityQuadletContainerCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityQuadletContainerCard',
    component: {
      lazy: () =>
        import('./components/cards').then(m => m.QuadletContainerCard),
    },
  }),
);

/** Show when `isSystemdUnit(entity)`. */
export const EntitySystemdUnitCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntitySystemdUnitCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.SystemdUnitCard),
    },
  }),
);

/** Show when `isDistrobox(entity)`. */
export const EntityDistroboxCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityDistroboxCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.DistroboxCard),
    },
  }),
);

/** Show when `isQuadletResource(entity)`. */
export const EntityQuadletResourceCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityQuadletResourceCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.QuadletResourceCard),
    },
  }),
);

/** Show when `hasUnitEnvironment(entity)`. */
export const EntityQuadletEnvironmentCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityQuadletEnvironmentCard',
    component: {
      lazy: () =>
        import('./components/cards').then(m => m.QuadletEnvironmentCard),
    },
  }),
);

/** Show when `isQuadletUnitComponent(entity)`. */
export const EntityQuadletDependenciesCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityQuadletDependenciesCard',
    component: {
      lazy: () =>
        import('./components/cards').then(m => m.QuadletDependenciesCard),
    },
  }),
);

/** Show when `isHostname(entity)`. */
export const EntityHostnameChainCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityHostnameChainCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.HostnameChainCard),
    },
  }),
);

/** Show when `isLlmModel(entity)`. */
export const EntityLlmModelCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityLlmModelCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.LlmModelCard),
    },
  }),
);

/** Show when `isLlmAlias(entity)`. */
export const EntityLlmAliasCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityLlmAliasCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.LlmAliasCard),
    },
  }),
);

/** Show when `isDecision(entity)`. */
export const EntityDecisionCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityDecisionCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.DecisionCard),
    },
  }),
);

/** Show when `isDecision(entity)`. */
export const EntityDecisionCitationsCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityDecisionCitationsCard',
    component: {
      lazy: () =>
        import('./components/cards').then(m => m.DecisionCitationsCard),
    },
  }),
);

/** Show when `isQuadletBox(entity)`. */
export const EntityBoxDiagnosticsCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityBoxDiagnosticsCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.BoxDiagnosticsCard),
    },
  }),
);

/** Show when `isKernelArgs(entity)`. */
export const EntityKernelArgsCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityKernelArgsCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.KernelArgsCard),
    },
  }),
);

/** Show when `isOsImage(entity)`. */
export const EntityOsImageCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityOsImageCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.OsImageCard),
    },
  }),
);

/** Show when `hasQuadletSource(entity)`. */
export const EntityQuadletSourceCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityQuadletSourceCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.QuadletSourceCard),
    },
  }),
);

/** Show when `isQuadletBox(entity)`. */
export const EntityBoxTreesCard = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityBoxTreesCard',
    component: {
      lazy: () => import('./components/cards').then(m => m.BoxTreesCard),
    },
  }),
);

/**
 * The handoff guide of a box, for a tab of its System. Show when `hasHandoffGuide(entity)`:
 *
 *   <EntityLayout.Route path="/handoff" title="Handoff" if={hasHandoffGuide}>
 *     <EntityHandoffContent />
 *   </EntityLayout.Route>
 */
export const EntityHandoffContent = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityHandoffContent',
    component: {
      lazy: () => import('./components/handoff').then(m => m.HandoffContent),
    },
  }),
);

/**
 * A component's entry in its box's handoff guide, for a tab of the component. Show when
 * `hasHandoffReference(entity)`, at path `/reference` (its "Open in the handoff guide" link
 * goes to the System's `/handoff` tab).
 */
export const EntityReferenceContent = quadletLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityReferenceContent',
    component: {
      lazy: () => import('./components/handoff').then(m => m.ReferenceContent),
    },
  }),
);
