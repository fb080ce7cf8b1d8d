import type { Policy } from './types';

/**
 * What applies when a box has no policy file, and for every key a policy file leaves out.
 * Box-specific rules (kernel arguments, the OS band, the flag group, trusted registries) have
 * no default: their checks report nothing until the policy names them.
 */
export function defaultPolicy(): Policy {
  return {
    kernelArgs: { required: [], forbidden: [] },
    images: {},
    llamaSwap: { proxyHost: '127.0.0.1', mandatoryFlags: [] },
    rootless: {
      incompatibleOptions: ['GroupAdd=keep-groups', '--group-add=render'],
    },
    knownBroken: { label: 'known-broken', units: [] },
    waivers: [],
    checks: {},
    files: [],
  };
}
