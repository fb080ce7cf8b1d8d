import { GROUP, model } from './__fixtures__/models';
import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  waiver,
} from './__fixtures__/testBox';
import { llamaSwapFlagMissing } from './llamaSwapFlagMissing';

describe('llama-swap-flag-missing', () => {
  const policy = policyWith(p => (p.llamaSwap.mandatoryFlags = GROUP));
  const inventory = emptyInventory({
    models: [
      model('qwen3-4b', 14),
      model('qwen3-embedding', 67, {
        cmdFlags: ['--model', ...GROUP.filter(f => f !== '--cache-reuse')],
      }),
      // Long spellings count as the short ones the policy names.
      model('long', 90, {
        cmdFlags: GROUP.map(
          f =>
            ((
              { '-fa': '--flash-attn', '-ngl': '--n-gpu-layers' } as Record<
                string,
                string
              >
            )[f] ?? f),
        ),
      }),
      model('bare', 100, { cmdFlags: ['--model', '--jinja'] }),
    ],
  });

  it('is not applied while the policy names no flag group', () => {
    expect(llamaSwapFlagMissing.run(contextOf(inventory))).toEqual([]);
  });

  it('fails once per missing flag, at the model', () => {
    const results = llamaSwapFlagMissing.run(contextOf(inventory, policy));
    expect(summary(results).filter(s => !s.startsWith('fail bare'))).toEqual([
      'fail qwen3-embedding --cache-reuse',
      'pass long',
      'pass qwen3-4b',
    ]);
    expect(results.filter(r => r.entityName === 'bare')).toHaveLength(
      GROUP.length - 1,
    );
    expect(results.find(r => r.entityName === 'qwen3-embedding')).toMatchObject(
      {
        line: 67,
        severity: 'warning',
        message:
          'model qwen3-embedding: `cmd:` lacks mandatory flag `--cache-reuse`',
      },
    );
  });

  it('can waive one flag of one model', () => {
    policy.waivers.push(
      waiver(
        'llama-swap-flag-missing',
        'resource:sodimo/qwen3-embedding.model',
        { detail: '--cache-reuse' },
      ),
    );
    const results = runOnly(
      'llama-swap-flag-missing',
      contextOf(inventory, policy),
    );
    expect(results.find(r => r.entityName === 'qwen3-embedding')!.status).toBe(
      'waived',
    );
    expect(
      results.filter(r => r.entityName === 'bare' && r.status === 'fail'),
    ).toHaveLength(GROUP.length - 1);
  });

  it('points at the `cmd:` line when the inventory knows it', () => {
    const results = llamaSwapFlagMissing.run(
      contextOf(
        emptyInventory({
          models: [
            model('bare', 100, { cmdFlags: ['--model'], cmdLine: 102 }),
          ],
        }),
        policyWith(p => (p.llamaSwap.mandatoryFlags = ['--jinja'])),
      ),
    );
    expect(results).toEqual([
      expect.objectContaining({ status: 'fail', line: 102 }),
    ]);
  });
});
