import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePolicyFile } from './parsePolicyFile';

const fixture = (name: string) => ({
  path: '.quadlet-portal/policy.yaml',
  content: readFileSync(path.join(__dirname, '__fixtures__', name)),
});
const text = (yaml: string) => ({
  path: '.quadlet-portal/policy.yaml',
  content: Buffer.from(yaml),
});
const where = (tree: string, line: number) => ({
  tree,
  path: '.quadlet-portal/policy.yaml',
  line,
});

describe('parsePolicyFile', () => {
  it('reads every section of a valid file, with the line of each entry', () => {
    const { fragment, diagnostics } = parsePolicyFile(
      'dotfiles',
      fixture('valid.yaml'),
    );
    expect(diagnostics).toEqual([]);
    expect(fragment.kernelArgs).toEqual({
      required: [
        {
          arg: 'iommu=pt',
          key: 'iommu',
          value: 'pt',
          source: where('dotfiles', 3),
        },
        {
          arg: 'amdgpu.gttsize=126976',
          key: 'amdgpu.gttsize',
          value: '126976',
          source: where('dotfiles', 3),
        },
      ],
      forbidden: [
        {
          arg: 'amd-iommu=off',
          key: 'amd_iommu',
          value: 'off',
          source: where('dotfiles', 5),
        },
      ],
    });
    expect(fragment.os).toEqual({
      distribution: 'fedora',
      minRelease: '42',
      maxRelease: '43',
      source: where('dotfiles', 6),
    });
    expect(fragment.podman).toEqual({
      version: '5.8',
      source: where('dotfiles', 11),
    });
    expect(fragment.images).toEqual({
      trustedRegistries: ['docker.io', 'ghcr.io'],
    });
    expect(fragment.llamaSwap).toEqual({
      proxyHost: '127.0.0.1',
      mandatoryFlags: ['--no-mmap', '-fa'],
    });
    expect(fragment.rootless).toEqual({
      incompatibleOptions: ['GroupAdd=keep-groups'],
    });
    expect(fragment.knownBroken).toEqual({
      label: 'broken',
      units: [
        {
          unit: 'piler',
          reason: 'no MySQL sidecar',
          issue: 'sodimo/dotfiles#17',
          decision: 'D-106',
          source: where('dotfiles', 22),
        },
      ],
    });
    expect(fragment.waivers).toEqual([
      {
        check: 'image-floating-tag',
        entity: 'cockpit',
        reason: 'slow upstream cadence',
        decision: 'D-167',
        expires: '2026-09-30',
        source: where('dotfiles', 27),
      },
    ]);
    expect(fragment.checks).toEqual({
      'quadlet-resource-unused': {
        severity: 'warning',
        source: where('dotfiles', 33),
      },
      'podman-socket-mount': { enabled: false, source: where('dotfiles', 35) },
    });
  });

  it('names the file and the line of each offending key, keeping what is valid', () => {
    const { fragment, diagnostics } = parsePolicyFile(
      'dotfiles',
      fixture('invalid.yaml'),
    );
    expect(
      diagnostics.map(
        d => `${d.file}:${d.line} ${d.severity} ${d.code} ${d.message}`,
      ),
    ).toEqual([
      '.quadlet-portal/policy.yaml:37 error policy/invalid colour: unknown section `colour` (known: version, kernelArgs, os, podman, images, llamaSwap, rootless, knownBroken, waivers, checks)',
      '.quadlet-portal/policy.yaml:5 error policy/invalid kernelArgs.required[1]: a kernel argument is one word: `key` or `key=value`',
      '.quadlet-portal/policy.yaml:8 error policy/invalid os.minRelase: unknown key `minRelase`',
      '.quadlet-portal/policy.yaml:10 error policy/invalid podman.version: quote the version (`"5.10"` written bare reads as 5.1)',
      '.quadlet-portal/policy.yaml:13 error policy/invalid llamaSwap.mandatoryFlags[0]: one flag per entry, without its value (`--cache-reuse`, not `--cache-reuse 256`): values are not compared',
      '.quadlet-portal/policy.yaml:17 error policy/invalid knownBroken.units[0].reason: is required',
      '.quadlet-portal/policy.yaml:23 error policy/invalid waivers[0].expires: not a calendar day',
      '.quadlet-portal/policy.yaml:24 error policy/invalid waivers[1].check: a check id is kebab-case (`image-floating-tag`)',
      '.quadlet-portal/policy.yaml:27 error policy/invalid waivers[1].decision: a decision id such as `D-167` or `ADR-0012`',
      ".quadlet-portal/policy.yaml:36 error policy/invalid checks.podman-socket-mount.severity: Invalid enum value. Expected 'error' | 'warning' | 'info', received 'fatal'",
    ]);
    // Bad items are dropped alone; a section of the wrong shape falls back to the default.
    expect(fragment.kernelArgs?.required?.map(r => r.arg)).toEqual([
      'iommu=pt',
    ]);
    expect(fragment.llamaSwap?.mandatoryFlags).toEqual(['--jinja']);
    expect(fragment.knownBroken?.units).toEqual([]);
    expect(fragment.waivers?.map(w => w.check)).toEqual(['image-short-name']);
    expect(fragment.os).toBeUndefined();
    expect(fragment.podman).toBeUndefined();
    expect(fragment.checks).toBeUndefined();
  });

  it('reports YAML syntax errors and duplicate keys at their line and never throws', () => {
    const broken = parsePolicyFile(
      't',
      text('waivers:\n  - check: x\n   entity: [\n'),
    );
    expect(broken.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'policy/yaml-syntax',
    });
    expect(broken.fragment.waivers).toBeUndefined();

    const twice = parsePolicyFile(
      't',
      text('os:\n  distribution: fedora\nos:\n  distribution: centos\n'),
    );
    expect(twice.diagnostics).toEqual([
      expect.objectContaining({ line: 3, code: 'policy/duplicate-key' }),
    ]);

    for (const odd of [
      '',
      '# only a comment\n',
      '- a list\n',
      'just text\n',
      'waivers: 3\n',
      '\uFEFFversion: 2\n',
      'x: &a [*a]\n',
    ]) {
      expect(() => parsePolicyFile('t', text(odd))).not.toThrow();
    }
    expect(
      parsePolicyFile('t', text('- a list\n')).diagnostics[0].message,
    ).toBe(
      '(top level): a policy file is a mapping of sections (`kernelArgs:`, `waivers:`…)',
    );
    expect(
      parsePolicyFile('t', text('\uFEFFversion: 2\n')).diagnostics[0].message,
    ).toBe('version: the only policy version is 1');
    expect(parsePolicyFile('t', text('')).diagnostics).toEqual([]);
  });

  it('accepts `label: null` to turn the GitHub lookup off', () => {
    expect(
      parsePolicyFile('t', text('knownBroken:\n  label: null\n')).fragment
        .knownBroken,
    ).toEqual({ label: null });
  });
});
