import { defaultPolicy } from './defaults';
import { policySourcesOf, POLICY_FILE } from './policyFiles';
import { readPolicy } from './readPolicy';

const source = (tree: string, yaml: string) => ({
  tree,
  file: { path: POLICY_FILE, content: Buffer.from(yaml) },
});

describe('readPolicy', () => {
  it('gives the defaults when the box has no policy file', () => {
    const { policy, diagnostics } = readPolicy([]);
    expect(diagnostics).toEqual([]);
    expect(policy).toEqual(defaultPolicy());
    expect(policy.llamaSwap.proxyHost).toBe('127.0.0.1');
    expect(policy.rootless.incompatibleOptions).toEqual([
      'GroupAdd=keep-groups',
      '--group-add=render',
    ]);
    expect(policy.knownBroken.label).toBe('known-broken');
  });

  it('combines one file per tree: lists add up, a single value set twice keeps the first and warns', () => {
    const { policy, diagnostics } = readPolicy([
      source(
        'dotfiles',
        'llamaSwap:\n  mandatoryFlags: [--jinja]\nwaivers:\n  - {check: image-short-name, entity: redis, reason: r, decision: D-1, expires: 2026-01-01}\nos:\n  distribution: fedora\n',
      ),
      source(
        'harness',
        'kernelArgs:\n  required: [iommu=pt]\nos:\n  distribution: centos\nwaivers:\n  - {check: os-release-outside-band, entity: os, reason: r, decision: D-2, expires: 2026-01-01}\n',
      ),
    ]);
    expect(policy.files).toEqual([
      { tree: 'dotfiles', path: POLICY_FILE },
      { tree: 'harness', path: POLICY_FILE },
    ]);
    expect(policy.kernelArgs.required.map(r => r.arg)).toEqual(['iommu=pt']);
    expect(policy.llamaSwap.mandatoryFlags).toEqual(['--jinja']);
    expect(
      policy.waivers.map(w => `${w.check}@${w.source?.tree}:${w.source?.line}`),
    ).toEqual([
      'image-short-name@dotfiles:4',
      'os-release-outside-band@harness:6',
    ]);
    expect(policy.os?.distribution).toBe('fedora');
    expect(diagnostics).toEqual([
      {
        tree: 'harness',
        file: POLICY_FILE,
        line: 3,
        severity: 'warning',
        code: 'policy/conflict',
        message: `os is already set in dotfiles:${POLICY_FILE}; that value applies`,
      },
    ]);
  });

  it('a file listing rootless options replaces the default list', () => {
    const { policy } = readPolicy([
      source('dotfiles', 'rootless:\n  incompatibleOptions: [--userns=host]\n'),
    ]);
    expect(policy.rootless.incompatibleOptions).toEqual(['--userns=host']);
  });

  it('tags diagnostics with their tree', () => {
    const { diagnostics } = readPolicy([source('harness', 'nonsense: 1\n')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        tree: 'harness',
        file: POLICY_FILE,
        line: 1,
        code: 'policy/invalid',
      }),
    ]);
  });

  it('finds the policy file at the root of each tree (.yaml before .yml)', () => {
    const file = (p: string) => ({
      path: p,
      content: Buffer.from('version: 1\n'),
    });
    const sources = policySourcesOf([
      {
        name: 'dotfiles',
        files: [
          file('home/x'),
          file('.quadlet-portal/policy.yml'),
          file(POLICY_FILE),
        ],
      },
      { name: 'harness', files: [file('.quadlet-portal/policy.yml')] },
      { name: 'other', files: [file('sub/.quadlet-portal/policy.yaml')] },
    ]);
    expect(sources.map(s => `${s.tree}:${s.file.path}`)).toEqual([
      'dotfiles:.quadlet-portal/policy.yaml',
      'harness:.quadlet-portal/policy.yml',
    ]);
  });
});
