import fc from 'fast-check';
import { parseImageReference, ImageReference } from './imageReference';
import { formatReference } from './editReference';

function parse(text: string): ImageReference {
  const result = parseImageReference(text);
  if (!result.ok) {
    throw new Error(`expected ${text} to parse, got: ${result.error}`);
  }
  return result.reference;
}

function errorOf(text: string): string {
  const result = parseImageReference(text);
  if (result.ok) {
    throw new Error(`expected ${text} to be rejected`);
  }
  return result.error;
}

describe('parseImageReference', () => {
  it('normalises an official short name the way podman and docker do', () => {
    expect(parse('redis')).toEqual({
      text: 'redis',
      path: 'redis',
      registry: 'docker.io',
      repository: 'library/redis',
      name: 'docker.io/library/redis',
      normalized: 'docker.io/library/redis:latest',
      shortName: true,
      pin: {
        tier: 'floating',
        commit: false,
        placeholder: false,
        reason:
          'no tag: podman pulls ":latest", which moves with every release',
      },
    });
  });

  it.each([
    ['foo/bar', 'docker.io/foo/bar:latest', true],
    ['redis:7-alpine', 'docker.io/library/redis:7-alpine', true],
    ['docker.io/redis', 'docker.io/library/redis:latest', false],
    [
      'index.docker.io/library/caddy:2-alpine',
      'docker.io/library/caddy:2-alpine',
      false,
    ],
    [
      'docker.io/library/caddy:2-alpine',
      'docker.io/library/caddy:2-alpine',
      false,
    ],
    [
      'ghcr.io/mostlygeek/llama-swap:vulkan',
      'ghcr.io/mostlygeek/llama-swap:vulkan',
      false,
    ],
    ['quay.io/cockpit/ws:latest', 'quay.io/cockpit/ws:latest', false],
    ['localhost/sodimo/etl', 'localhost/sodimo/etl:latest', false],
    ['localhost:5000/foo/bar:1.0', 'localhost:5000/foo/bar:1.0', false],
    ['[::1]:5000/foo', '[::1]:5000/foo:latest', false],
    [
      'registry.example.com:8443/team/app__x/sub-app.v2',
      'registry.example.com:8443/team/app__x/sub-app.v2:latest',
      false,
    ],
    ['pgvector/pgvector:pg16', 'docker.io/pgvector/pgvector:pg16', true],
  ])('normalises %s to %s', (text, normalized, shortName) => {
    const reference = parse(text);
    expect(reference.normalized).toBe(normalized);
    expect(reference.shortName).toBe(shortName);
  });

  it('splits domain, path, tag and digest as written', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const reference = parse(
      `Registry.Example.com:5000/team/app:v1.2@${digest}`,
    );
    expect(reference.domain).toBe('Registry.Example.com:5000');
    expect(reference.path).toBe('team/app');
    expect(reference.tag).toBe('v1.2');
    expect(reference.digest).toBe(digest);
    expect(reference.normalized).toBe(
      `Registry.Example.com:5000/team/app:v1.2@${digest}`,
    );
    expect(reference.pin.tier).toBe('digest');
  });

  it('keeps a digest-only reference without inventing :latest', () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    expect(parse(`redis@${digest}`).normalized).toBe(
      `docker.io/library/redis@${digest}`,
    );
  });

  it('reads a host without a slash as a repository with a tag, like docker', () => {
    const reference = parse('localhost:5000');
    expect(reference.path).toBe('localhost');
    expect(reference.tag).toBe('5000');
    expect(reference.shortName).toBe(true);
  });

  it('accepts and remembers the docker:// transport', () => {
    const reference = parse('docker://ghcr.io/open-webui/open-webui:main');
    expect(reference.transport).toBe('docker');
    expect(reference.registry).toBe('ghcr.io');
    expect(reference.normalized).toBe('ghcr.io/open-webui/open-webui:main');
  });

  it.each([
    ['', 'the image reference is empty'],
    ['Redis', 'repository name "Redis" must be lowercase'],
    [
      'docker.io/Library/Redis:7',
      'repository name "Library/Redis" must be lowercase',
    ],
    ['redis:7 alpine', 'image reference "redis:7 alpine" contains whitespace'],
    ['redis:', 'the tag after ":" is empty'],
    [
      'redis:-7',
      'tag "-7" may only contain letters, digits, "_", "." and "-", and must not start with "." or "-"',
    ],
    [
      'redis:7!',
      'tag "7!" may only contain letters, digits, "_", "." and "-", and must not start with "." or "-"',
    ],
    [
      `redis:${'a'.repeat(129)}`,
      'tag is 129 characters long; at most 128 are allowed',
    ],
    [
      'redis@sha256:abc',
      'a sha256 digest has 64 hex characters, this one has 3',
    ],
    [
      `redis@sha256:${'A'.repeat(64)}`,
      'digest "sha256:…" must be lowercase hexadecimal',
    ],
    [
      `redis@md5:${'a'.repeat(32)}`,
      'digest algorithm "md5" is not supported (use sha256, sha384 or sha512)',
    ],
    [
      `redis@sha256:${'g'.repeat(64)}`,
      'digest "sha256:…" contains characters that are not hexadecimal',
    ],
    ['redis@', 'digest "" must look like sha256:<64 hex characters>'],
    [
      'foo//bar',
      'repository name "foo//bar" has an empty path component (double or trailing "/")',
    ],
    [
      'foo/bar/',
      'repository name "foo/bar/" has an empty path component (double or trailing "/")',
    ],
    [
      'foo/-bar',
      'path component "-bar" may only contain a-z, 0-9 and single ".", "_", "__" or "-" separators between them',
    ],
    [
      'foo/a___b',
      'path component "a___b" may only contain a-z, 0-9 and single ".", "_", "__" or "-" separators between them',
    ],
    [
      'foo/a..b',
      'path component "a..b" may only contain a-z, 0-9 and single ".", "_", "__" or "-" separators between them',
    ],
    [
      '-bad.example.com/foo',
      'registry "-bad.example.com" is not a valid host name with optional :port',
    ],
    [
      'example.com:port/foo',
      'registry "example.com:port" is not a valid host name with optional :port',
    ],
    [':7', 'image reference ":7" has no repository name'],
    [
      'a'.repeat(64),
      `"${'a'.repeat(
        64,
      )}" is a 64-character image ID, not a reference a registry can serve`,
    ],
    [
      `example.com/${'a'.repeat(250)}`,
      'repository name is 262 characters long; at most 255 are allowed',
    ],
  ])('rejects %j with a clear message', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('allows dashes, underscores and dots inside path components', () => {
    expect(parse('ghcr.io/a-b--c/d_e/f.g:1').path).toBe('a-b--c/d_e/f.g');
  });

  it('never throws and writes every valid reference back unchanged', () => {
    // No dots: a dotted first component would be read as a registry, which is the grammar's point.
    const component = fc.stringMatching(
      /^[a-z0-9]{1,8}(?:(?:_|__|-+)[a-z0-9]{1,8}){0,2}$/,
    );
    const reference = fc.record({
      domain: fc.option(
        fc.constantFrom('ghcr.io', 'localhost:5000', 'docker.io', 'quay.io'),
        { nil: undefined },
      ),
      path: fc
        .array(component, { minLength: 1, maxLength: 3 })
        .map(parts => parts.join('/')),
      tag: fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), {
        nil: undefined,
      }),
      digest: fc.option(
        fc.stringMatching(/^[0-9a-f]{64}$/).map(hex => `sha256:${hex}`),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(reference, parts => {
        const text = formatReference(parts);
        const parsed = parse(text);
        expect(formatReference(parsed)).toBe(text);
        expect(parsed.shortName).toBe(parts.domain === undefined);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), text => {
        const result = parseImageReference(text);
        // Valid: written back unchanged. Invalid: a non-empty reason.
        expect(result.ok ? formatReference(result.reference) : text).toBe(text);
        expect(result.ok || result.error.length > 0).toBe(true);
      }),
    );
  });
});
