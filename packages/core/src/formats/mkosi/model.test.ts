import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { SourceFile } from '../../sourceFile';
import { mkosiFileOrder } from './model';
import { readMkosi } from './index';

function filesUnder(root: string, directory = root): SourceFile[] {
  return readdirSync(directory).flatMap(name => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return filesUnder(root, path);
    return [
      { path: `os/${relative(root, path)}`, content: readFileSync(path) },
    ];
  });
}

const FILES = filesUnder(join(__dirname, '__fixtures__', 'os'));

describe('mkosiFileOrder', () => {
  it('orders mkosi.conf, then mkosi.conf.d entries by name, descending into directories', () => {
    expect(
      mkosiFileOrder(FILES.map(file => file.path).reverse(), 'os'),
    ).toEqual([
      'os/mkosi.conf',
      'os/mkosi.conf.d/10-release.conf',
      'os/mkosi.conf.d/20-packages.conf',
      'os/mkosi.conf.d/30-reset.conf',
      'os/mkosi.conf.d/40-unknown.conf',
      'os/mkosi.conf.d/50-nvidia/mkosi.conf',
      'os/mkosi.conf.d/50-nvidia/mkosi.conf.d/10-more.conf',
      'os/mkosi.conf.d/60-debian/mkosi.conf',
    ]);
  });

  it('works at the root of a tree', () => {
    expect(
      mkosiFileOrder([
        'mkosi.conf.d/b.conf',
        'mkosi.conf',
        'mkosi.conf.d/a.conf',
        'other.conf',
      ]),
    ).toEqual(['mkosi.conf', 'mkosi.conf.d/a.conf', 'mkosi.conf.d/b.conf']);
  });
});

describe('modelMkosi', () => {
  const { config, diagnostics } = readMkosi(FILES, 'os');
  const values = (list: { value: string }[]) => list.map(item => item.value);

  it('lets later files override single values', () => {
    expect(config.distribution).toEqual({
      value: 'fedora',
      file: 'os/mkosi.conf',
      line: 3,
      conditional: false,
    });
    expect(config.release).toEqual({
      value: '44',
      file: 'os/mkosi.conf.d/10-release.conf',
      line: 2,
      conditional: false,
    });
    expect(config.imageId?.value).toBe('harness');
    expect(config.imageVersion?.value).toBe('1.4.0');
    expect(config.format?.value).toBe('directory');
    expect(config.bootable?.value).toBe('no');
  });

  it('accumulates packages from every applying file, with lines', () => {
    expect(
      config.packages.map(item => [
        item.value,
        item.file.replace('os/', ''),
        item.line,
        item.conditional,
      ]),
    ).toEqual([
      ['kernel', 'mkosi.conf', 15, false],
      ['systemd', 'mkosi.conf', 16, false],
      ['podman', 'mkosi.conf', 17, false],
      ['cockpit-ws', 'mkosi.conf', 17, false],
      ['tailscale cloudflared', 'mkosi.conf.d/20-packages.conf', 5, false],
      ['chezmoi', 'mkosi.conf.d/20-packages.conf', 6, false],
      ['rocm-smi', 'mkosi.conf.d/40-unknown.conf', 5, true],
    ]);
  });

  it('clears a list on an empty assignment', () => {
    expect(values(config.removePackages)).toEqual(['nano']);
  });

  it('reads trees, the kernel command line and includes', () => {
    expect(values(config.baseTrees)).toEqual(['/var/lib/harness/base.tar']);
    expect(config.extraTrees.map(tree => [tree.source, tree.target])).toEqual([
      ['mkosi.extra', undefined],
      ['subprojects/dotfiles', '/usr/share/harness/dotfiles'],
    ]);
    expect(values(config.kernelCommandLine)).toEqual([
      'iommu=pt',
      'amdgpu.gttsize=126976',
      'ttm.pages_limit=32505856',
    ]);
    expect(values(config.includes)).toEqual(['mkosi-tools']);
  });

  it('judges each file by its [Match] sections and skips a failing directory', () => {
    expect(
      config.files.map(file => [file.file.replace('os/', ''), file.applies]),
    ).toEqual([
      ['mkosi.conf', 'yes'],
      ['mkosi.conf.d/10-release.conf', 'yes'],
      ['mkosi.conf.d/20-packages.conf', 'yes'],
      ['mkosi.conf.d/30-reset.conf', 'yes'],
      ['mkosi.conf.d/40-unknown.conf', 'unknown'],
      ['mkosi.conf.d/50-nvidia/mkosi.conf', 'no'],
      ['mkosi.conf.d/50-nvidia/mkosi.conf.d/10-more.conf', 'no'],
      ['mkosi.conf.d/60-debian/mkosi.conf', 'yes'],
    ]);
    expect(config.files[5].matches).toEqual([
      {
        kind: 'Match',
        line: 1,
        conditions: [
          {
            key: 'Release',
            value: '43',
            negate: false,
            trigger: false,
            line: 2,
          },
        ],
      },
    ]);
  });

  it('warns about space-separated packages and settings in the wrong section', () => {
    expect(
      diagnostics.map(d => [d.file.replace('os/', ''), d.line, d.code]),
    ).toEqual([
      ['mkosi.conf.d/20-packages.conf', 5, 'mkosi/space-in-list'],
      ['mkosi.conf.d/60-debian/mkosi.conf', 9, 'mkosi/wrong-section'],
    ]);
  });

  it('keeps every assignment for settings the model does not type', () => {
    expect(
      config.settings
        .filter(setting => setting.key === 'Release')
        .map(setting => setting.value),
    ).toEqual(['43', '44']);
  });

  it('resets a single value on an empty assignment', () => {
    const { config: reset } = readMkosi([
      {
        path: 'mkosi.conf',
        content: Buffer.from('[Output]\nImageVersion=1\n'),
      },
      {
        path: 'mkosi.conf.d/a.conf',
        content: Buffer.from('[Output]\nImageVersion=\n'),
      },
    ]);
    expect(reset.imageVersion).toBeUndefined();
  });
});
