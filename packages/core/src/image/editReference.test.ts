import { ImageReference, parseImageReference } from './imageReference';
import {
  formatReference,
  ImageReferenceError,
  withDigest,
  withoutDigest,
  withTag,
} from './editReference';

function parse(text: string): ImageReference {
  const result = parseImageReference(text);
  if (!result.ok) throw new Error(result.error);
  return result.reference;
}

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OTHER_DIGEST = `sha256:${'f'.repeat(64)}`;

describe('formatReference', () => {
  it.each([
    'redis',
    'redis:7-alpine',
    'docker://ghcr.io/org/app:1',
    'index.docker.io/library/caddy:2',
    `quay.io/a/b:1@${DIGEST}`,
  ])('writes %s back as written', text => {
    expect(formatReference(parse(text))).toBe(text);
  });
});

describe('withTag', () => {
  it('changes only the tag and keeps the short spelling', () => {
    const bumped = withTag(parse('redis:7-alpine'), '7.2-alpine');
    expect(bumped.text).toBe('redis:7.2-alpine');
    expect(bumped.normalized).toBe('docker.io/library/redis:7.2-alpine');
    expect(bumped.shortName).toBe(true);
  });

  it('drops a digest that belonged to the old tag', () => {
    expect(withTag(parse(`ghcr.io/a/b:1@${DIGEST}`), '2').text).toBe(
      'ghcr.io/a/b:2',
    );
  });

  it('keeps the docker:// prefix', () => {
    expect(withTag(parse('docker://ghcr.io/a/b'), 'v1').text).toBe(
      'docker://ghcr.io/a/b:v1',
    );
  });

  it('refuses a malformed tag', () => {
    expect(() => withTag(parse('redis'), 'bad tag')).toThrow(
      ImageReferenceError,
    );
    expect(() => withTag(parse('redis'), '.hidden')).toThrow(
      'tag ".hidden" may only contain letters, digits, "_", "." and "-", and must not start with "." or "-"',
    );
  });
});

describe('withDigest', () => {
  it('adds a digest and keeps the tag for readers', () => {
    const pinned = withDigest(
      parse('ghcr.io/open-webui/open-webui:main'),
      DIGEST,
    );
    expect(pinned.text).toBe(`ghcr.io/open-webui/open-webui:main@${DIGEST}`);
    expect(pinned.pin.tier).toBe('digest');
  });

  it('replaces an existing digest', () => {
    expect(withDigest(parse(`a/b@${DIGEST}`), OTHER_DIGEST).text).toBe(
      `a/b@${OTHER_DIGEST}`,
    );
  });

  it('refuses a malformed digest', () => {
    expect(() => withDigest(parse('redis'), 'sha256:1234')).toThrow(
      'a sha256 digest has 64 hex characters, this one has 4',
    );
  });

  it('can be undone', () => {
    expect(withoutDigest(withDigest(parse('redis:7'), DIGEST)).text).toBe(
      'redis:7',
    );
  });
});
