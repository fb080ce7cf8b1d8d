import type { Config } from '@backstage/config';
import type {
  RegistryClient,
  RegistryClientOptions,
} from '@quadlet-portal/registry';

/** What the actions ask a registry: the two lookups the core's planners take. */
export type RegistryLookups = Pick<
  RegistryClient,
  'resolveDigest' | 'listTags'
>;

/** Makes one client per task (a client is one run: its cache and deadline belong to it). */
export type RegistryClientFactory = (options: {
  signal?: AbortSignal;
  onRequest?: RegistryClientOptions['onRequest'];
}) => RegistryLookups;

/** Reads `quadletPortal.registry` (see config.d.ts and docs/registry.md). */
export function readRegistryOptions(config: Config): RegistryClientOptions {
  const registry = config.getOptionalConfig('quadletPortal.registry');
  if (!registry) return {};
  const options: RegistryClientOptions = {};
  const timeout = registry.getOptionalNumber('requestTimeoutMs');
  if (timeout !== undefined) options.requestTimeoutMs = timeout;
  const deadline = registry.getOptionalNumber('deadlineMs');
  if (deadline !== undefined) options.deadlineMs = deadline;
  const attempts = registry.getOptionalNumber('maxAttempts');
  if (attempts !== undefined) options.maxAttempts = attempts;
  const insecure = registry.getOptionalStringArray('insecure');
  if (insecure) options.insecure = insecure;
  const credentials = registry.getOptionalConfigArray('credentials');
  if (credentials) {
    options.credentials = credentials.map(c => ({
      registry: c.getString('registry'),
      username: c.getString('username'),
      password: c.getString('password'),
    }));
  }
  return options;
}
