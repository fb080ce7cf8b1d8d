import type { AliasResolution, ModelAlias } from '../inventory/types';
import {
  at,
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  waiver,
} from './__fixtures__/testBox';
import { litellmAliasUnresolved } from './litellmAliasUnresolved';

const LITELLM = 'home/dot_config/litellm/litellm.yaml';
const alias = (
  name: string,
  line: number,
  resolution: AliasResolution,
  fallbacks: string[] = [],
): ModelAlias => ({
  name,
  deployments: [
    {
      model: `openai/${name}`,
      envNames: [],
      resolution,
      source: at(LITELLM, line + 2),
    },
  ],
  resolved: resolution.kind !== 'unresolved',
  fallbacks,
  config: { tree: 'dotfiles', path: LITELLM },
  source: at(LITELLM, line),
  decisions: [],
});

describe('litellm-alias-unresolved', () => {
  const inventory = emptyInventory({
    aliases: [
      alias('local-task', 8, { kind: 'local', model: 'qwen3-4b', via: 'id' }, [
        'claude',
      ]),
      alias('claude', 35, { kind: 'cloud', provider: 'anthropic' }),
      alias('local-gone', 40, {
        kind: 'unresolved',
        reason:
          'llama-swap.container serves no llama-swap model or alias named gone',
      }),
      alias('remote', 50, { kind: 'endpoint', url: 'os.environ/REMOTE_BASE' }, [
        'nowhere',
      ]),
    ],
  });

  it('fails deployments that reach nothing and fallbacks to unknown aliases; env-provided bases are unknown', () => {
    const results = litellmAliasUnresolved.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail local-gone openai/local-gone',
      'fail remote fallback:nowhere',
      'pass claude',
      'pass local-task',
      'unknown remote openai/remote',
    ]);
    expect(results.find(r => r.entityName === 'local-gone')).toMatchObject({
      entityRef: 'resource:sodimo/local-gone.alias',
      line: 42,
      message:
        'alias local-gone: `openai/local-gone` does not resolve (llama-swap.container serves no llama-swap model or alias named gone)',
    });
    expect(results.find(r => r.entityName === 'local-task')!.message).toBe(
      'alias local-task reaches llama-swap model qwen3-4b',
    );
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('litellm-alias-unresolved', 'local-gone')),
    );
    expect(
      runOnly('litellm-alias-unresolved', contextOf(inventory, policy)).find(
        r => r.entityName === 'local-gone',
      )!.status,
    ).toBe('waived');
  });
});
