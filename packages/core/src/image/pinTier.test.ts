import { classifyPin, hasPlaceholder } from './pinTier';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('classifyPin', () => {
  // Real tags from quadlet boxes, registries and the llama.cpp / LiteLLM ecosystems.
  it.each([
    '1.4.5',
    'v2.0.0',
    '2-alpine',
    '7-alpine',
    'pg16',
    '16',
    '2.3.21.1',
    '1.32.7',
    '4.3.0',
    '3.9.1',
    'v2026.416.0-pi0.x.y',
    '2.11.3-bookworm',
    '3.12-slim',
    'alpine3.19',
    '1.0.0-rc1',
    '2024-01-15',
    '20240115',
    'server-b4719',
    'v0.11.2',
    'main-v1.77.3',
    'cuda12',
    '6.2-rocm',
    'fedora-43',
    '43',
  ])('reads %s as a version tag', tag => {
    const pin = classifyPin(tag, undefined);
    expect(pin.tier).toBe('version');
    expect(pin.commit).toBe(false);
  });

  it.each([
    'latest',
    'main',
    'main-stable',
    'vulkan',
    'stable',
    'edge',
    'nightly',
    'server',
    'server-vulkan',
    'full-cuda',
    'rolling',
    'dev',
    'alpine',
    'latest-cuda12',
    'cuda12-latest',
    'LATEST',
  ])('reads %s as floating', tag => {
    expect(classifyPin(tag, undefined).tier).toBe('floating');
  });

  it('treats no tag as floating because podman pulls :latest', () => {
    expect(classifyPin(undefined, undefined)).toEqual({
      tier: 'floating',
      commit: false,
      placeholder: false,
      reason: 'no tag: podman pulls ":latest", which moves with every release',
    });
  });

  it.each(['sha-b8725c5', 'git-1a2b3c4d', 'b8725c5', 'main-0f3e9a1c2b'])(
    'reads the commit tag %s as a version pin and marks it as a commit',
    tag => {
      const pin = classifyPin(tag, undefined);
      expect(pin.tier).toBe('version');
      expect(pin.commit).toBe(true);
      expect(pin.reason).toBe(`tag "${tag}" names one commit build`);
    },
  );

  it('flags a placeholder tag but still counts it as a version', () => {
    expect(classifyPin('v2026.416.0-pi0.x.y', undefined)).toEqual({
      tier: 'version',
      commit: false,
      placeholder: true,
      reason: 'tag "v2026.416.0-pi0.x.y" carries a version',
    });
  });

  it('gives a digest the digest tier with or without a tag', () => {
    expect(classifyPin(undefined, DIGEST).tier).toBe('digest');
    expect(classifyPin('latest', DIGEST).tier).toBe('digest');
    expect(classifyPin('1.x.y', DIGEST).placeholder).toBe(true);
  });
});

describe('hasPlaceholder', () => {
  it.each([
    ['pi0.x.y', true],
    ['v1.X.Y', true],
    ['2.x.x', true],
    ['x.y.z', true],
    ['1.x', false],
    ['1.4.5', false],
    ['nginx.yaml', false],
    ['box.y', false],
  ])('%s → %s', (tag, expected) => {
    expect(hasPlaceholder(tag)).toBe(expected);
  });
});
