import { model } from './__fixtures__/models';
import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  waiver,
} from './__fixtures__/testBox';
import { llamaSwapProxyHost } from './llamaSwapProxyHost';

describe('llama-swap-proxy-host', () => {
  const inventory = emptyInventory({
    models: [
      model('qwen3-4b', 14),
      model('qwen3-30b', 50, { proxy: 'http://llama-swap:10002' }),
      model('nomodel', 70, { proxy: undefined }),
      model('ipv6', 80, { proxy: 'http://[::1]:10004' }),
      model('weird', 90, { proxy: '${env.PROXY}' }),
    ],
  });

  it('fails a proxy through the container name, at the model, naming the URL and the wanted host', () => {
    const results = llamaSwapProxyHost.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail ipv6',
      'fail qwen3-30b',
      'pass nomodel',
      'pass qwen3-4b',
      'unknown weird',
    ]);
    expect(results.find(r => r.entityName === 'qwen3-30b')).toMatchObject({
      entity: 'model:qwen3-30b',
      entityRef: 'resource:sodimo/qwen3-30b.model',
      file: 'home/dot_config/llama-swap/llama-swap.yaml',
      line: 50,
      message:
        'model qwen3-30b: `proxy: http://llama-swap:10002` targets llama-swap, not 127.0.0.1',
    });
  });

  it('follows the policy host and can be waived', () => {
    const policy = policyWith(p => {
      p.llamaSwap.proxyHost = '::1';
      p.waivers.push(waiver('llama-swap-proxy-host', 'qwen3-30b'));
    });
    expect(
      summary(runOnly('llama-swap-proxy-host', contextOf(inventory, policy))),
    ).toEqual([
      'fail qwen3-4b',
      'pass ipv6',
      'pass nomodel',
      'unknown weird',
      'waived qwen3-30b',
    ]);
  });

  it('points at the `proxy:` line when the inventory knows it', () => {
    const results = llamaSwapProxyHost.run(
      contextOf(
        emptyInventory({
          models: [
            model('qwen3-30b', 50, {
              proxy: 'http://llama-swap:10002',
              proxyLine: 53,
            }),
          ],
        }),
      ),
    );
    expect(results).toEqual([
      expect.objectContaining({ status: 'fail', line: 53 }),
    ]);
  });
});
