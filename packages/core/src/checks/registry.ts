import { configError } from './configError';
import { decisionNotRecorded } from './decisionNotRecorded';
import { envFileMissing } from './envFileMissing';
import { hostnameRouteBroken } from './hostnameRouteBroken';
import { imageFloatingTag } from './imageFloatingTag';
import { imageNotDigestPinned } from './imageNotDigestPinned';
import { imagePlaceholderTag } from './imagePlaceholderTag';
import { imageShortName } from './imageShortName';
import { imageTagMissing } from './imageTagMissing';
import { imageUntrustedRegistry } from './imageUntrustedRegistry';
import { kernelArgForbidden } from './kernelArgForbidden';
import { kernelArgMissing } from './kernelArgMissing';
import { litellmAliasUnresolved } from './litellmAliasUnresolved';
import { llamaSwapFlagMissing } from './llamaSwapFlagMissing';
import { llamaSwapProxyHost } from './llamaSwapProxyHost';
import { osReleaseOutsideBand } from './osReleaseOutsideBand';
import { podmanSocketMount } from './podmanSocketMount';
import { policyStaleEntry } from './policyStaleEntry';
import { quadletKeyTooNew } from './quadletKeyTooNew';
import { quadletResourceUnused } from './quadletResourceUnused';
import { rootlessIncompatibleOption } from './rootlessIncompatibleOption';
import type { CheckDefinition } from './types';
import { unitKnownBroken } from './unitKnownBroken';
import { unitReferenceDangling } from './unitReferenceDangling';

/** Every check, in the order docs/checks.md presents them. */
export const CHECKS: readonly CheckDefinition[] = [
  imageNotDigestPinned,
  imageFloatingTag,
  imageShortName,
  imagePlaceholderTag,
  imageTagMissing,
  imageUntrustedRegistry,
  kernelArgMissing,
  kernelArgForbidden,
  osReleaseOutsideBand,
  unitReferenceDangling,
  envFileMissing,
  unitKnownBroken,
  llamaSwapProxyHost,
  llamaSwapFlagMissing,
  rootlessIncompatibleOption,
  litellmAliasUnresolved,
  hostnameRouteBroken,
  decisionNotRecorded,
  configError,
  quadletKeyTooNew,
  quadletResourceUnused,
  podmanSocketMount,
  policyStaleEntry,
];

const BY_ID = new Map(CHECKS.map(c => [c.id, c]));

export function checkById(id: string): CheckDefinition | undefined {
  return BY_ID.get(id);
}
