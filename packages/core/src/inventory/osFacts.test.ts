import { readBox } from './readBox';

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

describe('OS facts', () => {
  it('reads mkosi settings, conf.d included, and KernelCommandLine arguments', () => {
    const inventory = readBox([
      {
        name: 'os',
        files: [
          file(
            'mkosi.conf',
            '[Distribution]\nDistribution=fedora\nRelease=43\n[Output]\nImageId=box\n',
          ),
          file(
            'mkosi.conf.d/10-kernel.conf',
            '[Content]\nKernelCommandLine=quiet iommu=pt\nPackages=podman\n',
          ),
        ],
      },
    ]);
    expect(inventory.os).toEqual({
      distribution: 'fedora',
      release: '43',
      imageId: 'box',
      packages: ['podman'],
      source: { tree: 'os', path: 'mkosi.conf', line: 3 },
    });
    expect(
      inventory.kernelArgs.map(k => [
        k.arg,
        k.from,
        k.source.path,
        k.source.line,
      ]),
    ).toEqual([
      ['quiet', 'mkosi', 'mkosi.conf.d/10-kernel.conf', 2],
      ['iommu=pt', 'mkosi', 'mkosi.conf.d/10-kernel.conf', 2],
    ]);
  });

  it('takes the base image of a bootc Containerfile', () => {
    const inventory = readBox([
      {
        name: 'os',
        role: 'os',
        files: [
          file(
            'Containerfile',
            '# bootc image\nFROM --platform=linux/amd64 quay.io/fedora/fedora-bootc:42\nRUN dnf -y install podman\n',
          ),
        ],
      },
    ]);
    expect(inventory.os).toEqual({
      baseImage: 'quay.io/fedora/fedora-bootc:42',
      packages: [],
      source: { tree: 'os', path: 'Containerfile', line: 2 },
    });
  });
});
