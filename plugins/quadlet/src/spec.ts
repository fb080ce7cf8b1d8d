/**
 * The `spec.quadlet` block of the entities a box produces, as the core's mapping writes it
 * (`packages/core/src/entities/quadletSpec.ts`, docs/entity-model.md). Types only: nothing of the
 * core's Node code reaches the browser.
 *
 * Entities reach the browser as JSON from the catalog, possibly written by another version of the
 * provider, so cards read these shapes through `quadletSpec()` (a `Partial`) and `list()`.
 */
// A type-only import from the node-library: erased at build time, so no Node code reaches the
// bundle; the rule cannot tell type imports from value imports.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
export type {
  AliasQuadletSpec,
  AliasResolutionFact,
  BoxDiagnostic,
  BoxQuadletSpec,
  DecisionQuadletSpec,
  DistroboxQuadletSpec,
  HostnameChain,
  HostnameQuadletSpec,
  KernelArgsQuadletSpec,
  ModelQuadletSpec,
  OsImageQuadletSpec,
  QuadletEnvFile,
  QuadletImage,
  QuadletSpec,
  ServingUnit,
  SourcePlace,
  SystemdUnitQuadletSpec,
  UnitDependencyFact,
  UnitQuadletSpec,
} from '@quadlet-portal/core';
