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
import { kernelArgMissing } from './kernelArgMissing';

const strixHalo = policyWith(
  p =>
    (p.kernelArgs.required = requiredArgs(
      'iommu=pt',
      'amdgpu.gttsize=126976',
      'ttm.pages_limit=32505856',
    )),
);

describe('kernel-arg-missing', () => {
  const trees = emptyInventory().trees.concat(OS_TREE);

  it('reports nothing when the policy requires nothing', () => {
    expect(
      kernelArgMissing.run(
        contextOf(emptyInventory({ trees, kernelArgs: [kernelArg('quiet')] })),
      ),
    ).toEqual([]);
  });

  it('fails each missing argument and names the other value a key carries', () => {
    const inventory = emptyInventory({
      trees,
      kernelArgs: [
        kernelArg('amd_iommu=off'),
        kernelArg('ttm.pages_limit=33554432'),
      ],
    });
    const results = kernelArgMissing.run(contextOf(inventory, strixHalo));
    expect(summary(results)).toEqual([
      'fail kernel arguments amdgpu.gttsize=126976',
      'fail kernel arguments iommu=pt',
      'fail kernel arguments ttm.pages_limit=32505856',
    ]);
    expect(
      results.find(r => r.detail === 'ttm.pages_limit=32505856'),
    ).toMatchObject({
      entity: 'kernel-args:kernel-args',
      entityRef: 'resource:sodimo/kernel-args',
      tree: 'harness',
      file: 'mkosi.extra/usr/lib/bootc/kargs.d/00-gpu.toml',
      line: 9,
      message:
        '`ttm.pages_limit=33554432` is set; the policy requires `ttm.pages_limit=32505856`',
    });
    expect(results.find(r => r.detail === 'iommu=pt')!.message).toBe(
      'required kernel argument `iommu=pt` is missing',
    );
  });

  it('passes when every argument is set, reading `-` and `_` in keys alike and the last of a repeated key', () => {
    const inventory = emptyInventory({
      trees,
      kernelArgs: [
        kernelArg('iommu=pt'),
        kernelArg('amdgpu.gttsize=126976'),
        kernelArg('ttm.pages_limit=1', 9),
        kernelArg('ttm.pages-limit=32505856', 10),
      ],
    });
    expect(
      summary(kernelArgMissing.run(contextOf(inventory, strixHalo))),
    ).toEqual([
      'pass kernel arguments amdgpu.gttsize=126976',
      'pass kernel arguments iommu=pt',
      'pass kernel arguments ttm.pages_limit=32505856',
    ]);
  });

  it('ignores arguments limited to another architecture', () => {
    const inventory = emptyInventory({
      trees,
      os: {
        distribution: 'fedora',
        release: '43',
        architecture: 'x86-64',
        packages: [],
        source: { tree: 'harness', path: 'mkosi.conf', line: 3 },
      },
      kernelArgs: [kernelArg('iommu=pt', 9, ['aarch64'])],
    });
    const policy = policyWith(
      p => (p.kernelArgs.required = requiredArgs('iommu=pt')),
    );
    expect(summary(kernelArgMissing.run(contextOf(inventory, policy)))).toEqual(
      ['fail kernel arguments iommu=pt'],
    );
  });

  it('is unknown when the box has no OS tree', () => {
    expect(
      summary(kernelArgMissing.run(contextOf(emptyInventory(), strixHalo))),
    ).toEqual([
      'unknown kernel arguments amdgpu.gttsize=126976',
      'unknown kernel arguments iommu=pt',
      'unknown kernel arguments ttm.pages_limit=32505856',
    ]);
  });

  it('can waive one argument by its detail', () => {
    const policy = policyWith(p => {
      p.kernelArgs.required = requiredArgs('iommu=pt', 'amdgpu.gttsize=126976');
      p.waivers.push(
        waiver('kernel-arg-missing', 'kernel-args', { detail: 'iommu=pt' }),
      );
    });
    expect(
      summary(
        runOnly(
          'kernel-arg-missing',
          contextOf(emptyInventory({ trees }), policy),
        ),
      ),
    ).toEqual([
      'fail kernel arguments amdgpu.gttsize=126976',
      'waived kernel arguments iommu=pt',
    ]);
  });
});
