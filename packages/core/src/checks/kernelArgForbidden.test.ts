import {
  contextOf,
  emptyInventory,
  kernelArg,
  OS_TREE,
  policyWith,
  requiredArgs,
  runOnly,
  summary,
  waiver,
} from './__fixtures__/testBox';
import { kernelArgForbidden } from './kernelArgForbidden';

describe('kernel-arg-forbidden', () => {
  const trees = emptyInventory().trees.concat(OS_TREE);
  const policy = policyWith(
    p => (p.kernelArgs.forbidden = requiredArgs('amd_iommu=off', 'nomodeset')),
  );

  it('fails each forbidden argument at the line that sets it; a key-only rule forbids every value', () => {
    const inventory = emptyInventory({
      trees,
      kernelArgs: [kernelArg('amd-iommu=off', 9), kernelArg('nomodeset=1', 12)],
    });
    const results = kernelArgForbidden.run(contextOf(inventory, policy));
    expect(summary(results)).toEqual([
      'fail kernel arguments amd_iommu=off',
      'fail kernel arguments nomodeset',
    ]);
    expect(results.find(r => r.detail === 'amd_iommu=off')).toMatchObject({
      line: 9,
      message:
        'forbidden kernel argument `amd-iommu=off` is set (bootc kargs.d)',
    });
  });

  it('passes when another value of the key is set', () => {
    const inventory = emptyInventory({
      trees,
      kernelArgs: [kernelArg('amd_iommu=on')],
    });
    expect(
      summary(kernelArgForbidden.run(contextOf(inventory, policy))),
    ).toEqual([
      'pass kernel arguments amd_iommu=off',
      'pass kernel arguments nomodeset',
    ]);
  });

  it('is unknown without an OS tree, and waivable', () => {
    expect(
      summary(kernelArgForbidden.run(contextOf(emptyInventory(), policy))),
    ).toEqual([
      'unknown kernel arguments amd_iommu=off',
      'unknown kernel arguments nomodeset',
    ]);
    policy.waivers.push(
      waiver('kernel-arg-forbidden', 'resource:sodimo/kernel-args'),
    );
    const inventory = emptyInventory({
      trees,
      kernelArgs: [kernelArg('amd_iommu=off')],
    });
    expect(
      summary(runOnly('kernel-arg-forbidden', contextOf(inventory, policy))),
    ).toEqual([
      'pass kernel arguments nomodeset',
      'waived kernel arguments amd_iommu=off',
    ]);
  });
});
