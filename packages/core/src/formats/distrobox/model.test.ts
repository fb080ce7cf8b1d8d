import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { readDistrobox } from './index';

function fixture(name: string) {
  return readDistrobox({
    path: `distrobox-configs/${name}`,
    content: readFileSync(join(__dirname, '__fixtures__', name)),
  });
}

describe('modelDistrobox on a dev-box manifest', () => {
  const { manifest, diagnostics } = fixture('distrobox.ini');
  const byName = (name: string) =>
    manifest.containers.find(container => container.name === name)!;
  const values = (items: { value: string }[]) => items.map(item => item.value);

  it('reads cleanly, one container per section', () => {
    expect(diagnostics).toEqual([]);
    expect(
      manifest.containers.map(container => [container.name, container.line]),
    ).toEqual([
      ['fedora-base', 3],
      ['opencode-dev', 10],
      ['openclaw-dev', 20],
      ['litellm-proxy', 25],
      ['fedora-tools', 33],
      ['bazzite-arch', 39],
    ]);
  });

  it('parses images with the image grammar', () => {
    expect(byName('bazzite-arch').image).toMatchObject({
      line: 40,
      source: {
        kind: 'registry',
        reference: { registry: 'ghcr.io', pin: { tier: 'floating' } },
      },
    });
    const tools = byName('fedora-tools').image!.source;
    expect(tools.kind === 'registry' && tools.reference.shortName).toBe(true);
    expect(tools.kind === 'registry' && tools.reference.normalized).toBe(
      'docker.io/library/fedora-toolbox:43',
    );
  });

  it('accumulates repeated package lines and splits them on spaces', () => {
    expect(values(byName('opencode-dev').packages)).toEqual([
      'git',
      'gh',
      'jq',
      'ripgrep',
      'nodejs22',
      'pnpm',
      'typescript',
    ]);
    expect(byName('opencode-dev').packages.map(item => item.line)).toEqual([
      7, 7, 7, 7, 12, 12, 13,
    ]);
    expect(values(byName('fedora-tools').packages)).toEqual(['htop', 'btop']);
  });

  it('takes options from an included section, letting later lines override them', () => {
    const opencode = byName('opencode-dev');
    expect(opencode.image?.text).toBe(
      'registry.fedoraproject.org/fedora-toolbox:43',
    );
    expect(opencode.image?.line).toBe(4);
    expect(opencode.pull).toBe(true);
    expect(opencode.init).toBe(false);
    expect(opencode.includes).toEqual([{ value: 'fedora-base', line: 11 }]);
    expect(byName('litellm-proxy').image?.line).toBe(27);
  });

  it('keeps hooks whole, one per line', () => {
    expect(values(byName('opencode-dev').initHooks)).toEqual([
      'npm install -g bun;',
      'corepack enable',
    ]);
    expect(values(byName('litellm-proxy').initHooks)).toEqual([
      "pip install 'litellm[proxy]'",
    ]);
  });

  it('reads volumes, exports and flags', () => {
    expect(byName('litellm-proxy').volumes).toEqual([
      {
        spec: '/var/home/dev/workspace:/workspace',
        hostPath: '/var/home/dev/workspace',
        containerPath: '/workspace',
        line: 8,
      },
      {
        spec: '/var/home/dev/.litellm:/root/.litellm:ro',
        hostPath: '/var/home/dev/.litellm',
        containerPath: '/root/.litellm',
        options: 'ro',
        line: 30,
      },
      {
        spec: '/var/home/dev/models:/models',
        hostPath: '/var/home/dev/models',
        containerPath: '/models',
        line: 30,
      },
    ]);
    expect(values(byName('opencode-dev').exportedBins)).toEqual([
      '/usr/bin/gh',
      '/usr/bin/rg',
    ]);
    expect(byName('opencode-dev').exportedBinsPath).toEqual({
      value: '~/.local/bin',
      line: 17,
    });
    expect(values(byName('bazzite-arch').exportedApps)).toEqual([
      'steam',
      'lutris',
    ]);
    const arch = byName('bazzite-arch');
    expect([arch.nvidia, arch.init, arch.unshare]).toEqual([
      true,
      true,
      ['netns'],
    ]);
    expect(byName('openclaw-dev').replace).toBe(true);
    expect(byName('litellm-proxy').startNow).toBe(true);
  });
});

describe('modelDistrobox on a broken manifest', () => {
  const { manifest, diagnostics } = fixture('broken.ini');

  it('reports each problem with its line', () => {
    expect(diagnostics.map(d => [d.line, d.severity, d.code])).toEqual([
      [1, 'warning', 'distrobox/outside-section'],
      [11, 'warning', 'distrobox/comment-cuts-value'],
      [12, 'warning', 'distrobox/comment-cuts-value'],
      [15, 'error', 'distrobox/empty-name'],
      [16, 'warning', 'distrobox/missing-equals'],
      [13, 'warning', 'distrobox/duplicate-container'],
      [8, 'error', 'distrobox/include-cycle'],
      [8, 'error', 'distrobox/unknown-include'],
      [4, 'error', 'distrobox/invalid-image'],
      [5, 'warning', 'distrobox/invalid-boolean'],
      [6, 'warning', 'distrobox/unknown-option'],
      [10, 'info', 'distrobox/repeated-option'],
      [15, 'info', 'distrobox/no-image'],
    ]);
    expect(
      diagnostics.find(d => d.code === 'distrobox/invalid-image')?.message,
    ).toBe('[a] image "Fedora:43": repository name "Fedora" must be lowercase');
  });

  it('still models what it can', () => {
    expect(manifest.containers.map(container => container.name)).toEqual([
      'a',
      'b',
      '',
    ]);
    const b = manifest.containers[1];
    expect(b.image?.text).toBe('quay.io/x/y:2');
    expect(b.initHooks.map(hook => hook.value)).toEqual([
      '"echo',
      'test -f /x',
    ]);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), text => {
        const result = readDistrobox({
          path: 'distrobox.ini',
          content: Buffer.from(text),
        });
        expect(result.manifest.file).toBe('distrobox.ini');
      }),
    );
  });
});
