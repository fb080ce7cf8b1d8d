/**
 * quadlet-portal backend: the handoff guide of every configured box, for the Handoff page of
 * its System and the Reference tab of its components (docs/handoff.md).
 *
 * @packageDocumentation
 */
export { quadletPlugin as default } from './plugin';
export {
  BoxHandoffGuides,
  DEFAULT_FRESH_FOR_MS,
} from './guide/BoxHandoffGuides';
export type { BoxHandoffGuidesOptions } from './guide/BoxHandoffGuides';
export { buildHandoffGuide } from './guide/buildHandoffGuide';
export { referenceOf } from './guide/referenceOf';
export type { HandoffReference } from './guide/referenceOf';
export type { HandoffBoxSummary } from './service/router';
