import type { InventoryDiagnostic } from '../inventory/types';
import { defaultPolicy } from './defaults';
import { parsePolicyFile, type PolicyFragment } from './parsePolicyFile';
import type { PolicySection } from './schema';
import type { PolicyReadResult, PolicySource } from './types';

/**
 * Reads a box's policy from its policy files (at most one per tree, see `policySourcesOf`),
 * over the defaults. Several files combine: lists (required arguments, waivers, known-broken
 * units…) add up; a single value set in two files keeps the first file's and warns.
 * Never throws; with no file at all the defaults apply.
 */
export function readPolicy(sources: readonly PolicySource[]): PolicyReadResult {
  const policy = defaultPolicy();
  const diagnostics: InventoryDiagnostic[] = [];
  const setBy = new Map<string, PolicyFragment>();

  for (const source of sources) {
    const { fragment, diagnostics: found } = parsePolicyFile(
      source.tree,
      source.file,
    );
    diagnostics.push(...found.map(d => ({ ...d, tree: source.tree })));
    policy.files.push({ tree: source.tree, path: source.file.path });

    /** Takes a single value unless an earlier file set it. */
    const single = (section: PolicySection, key: string, apply: () => void) => {
      const earlier = setBy.get(key);
      if (earlier) {
        diagnostics.push({
          tree: fragment.tree,
          file: fragment.path,
          line: fragment.lines[section] ?? 1,
          severity: 'warning',
          code: 'policy/conflict',
          message: `${key} is already set in ${earlier.tree}:${earlier.path}; that value applies`,
        });
        return;
      }
      setBy.set(key, fragment);
      apply();
    };

    if (fragment.kernelArgs) {
      policy.kernelArgs.required.push(...(fragment.kernelArgs.required ?? []));
      policy.kernelArgs.forbidden.push(
        ...(fragment.kernelArgs.forbidden ?? []),
      );
    }
    if (fragment.os) single('os', 'os', () => (policy.os = fragment.os));
    if (fragment.podman)
      single(
        'podman',
        'podman.version',
        () => (policy.podman = fragment.podman),
      );
    const registries = fragment.images?.trustedRegistries;
    if (registries) {
      policy.images.trustedRegistries = [
        ...new Set([...(policy.images.trustedRegistries ?? []), ...registries]),
      ];
    }
    const llamaSwap = fragment.llamaSwap;
    if (llamaSwap?.proxyHost !== undefined) {
      single(
        'llamaSwap',
        'llamaSwap.proxyHost',
        () => (policy.llamaSwap.proxyHost = llamaSwap.proxyHost!),
      );
    }
    if (llamaSwap?.mandatoryFlags) {
      // A file that lists flags replaces the (empty) default; a second file adds to it.
      policy.llamaSwap.mandatoryFlags = [
        ...new Set([
          ...policy.llamaSwap.mandatoryFlags,
          ...llamaSwap.mandatoryFlags,
        ]),
      ];
    }
    const options = fragment.rootless?.incompatibleOptions;
    if (options) {
      const first = !setBy.has('rootless.incompatibleOptions');
      setBy.set('rootless.incompatibleOptions', fragment);
      // The first file's list replaces the default list; later files add to it.
      policy.rootless.incompatibleOptions = first
        ? [...options]
        : [...new Set([...policy.rootless.incompatibleOptions, ...options])];
    }
    const knownBroken = fragment.knownBroken;
    if (knownBroken?.label !== undefined) {
      single(
        'knownBroken',
        'knownBroken.label',
        () => (policy.knownBroken.label = knownBroken.label as string | null),
      );
    }
    policy.knownBroken.units.push(...(knownBroken?.units ?? []));
    policy.waivers.push(...(fragment.waivers ?? []));
    for (const [id, override] of Object.entries(fragment.checks ?? {})) {
      single('checks', `checks.${id}`, () => (policy.checks[id] = override));
    }
  }
  return { policy, diagnostics };
}
