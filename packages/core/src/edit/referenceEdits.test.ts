import { moveToTag, pinToDigest } from './referenceEdits';

const DIGEST = `sha256:${'0f'.repeat(32)}`;
const OTHER = `sha256:${'e1'.repeat(32)}`;

describe('pinToDigest', () => {
  it("keeps the user's spelling and the tag", () => {
    const cases: [string, string][] = [
      ['redis:7', `redis:7@${DIGEST}`],
      ['docker.io/redis:7', `docker.io/redis:7@${DIGEST}`],
      ['docker://quay.io/x/y', `docker://quay.io/x/y@${DIGEST}`],
      [`ghcr.io/x/y:1@${OTHER}`, `ghcr.io/x/y:1@${DIGEST}`],
      ['localhost:5000/app:dev', `localhost:5000/app:dev@${DIGEST}`],
    ];
    for (const [from, to] of cases) {
      const result = pinToDigest(from, DIGEST);
      expect(result.ok && result.reference.text).toBe(to);
    }
  });

  it('refuses a malformed digest or a value that is not a registry reference', () => {
    expect(pinToDigest('redis:7', 'sha256:abc')).toMatchObject({ ok: false });
    expect(pinToDigest('app.image', DIGEST)).toEqual({
      ok: false,
      reason:
        '"app.image" names the quadlet unit app.image; bump the Image= of that unit instead',
    });
  });
});

describe('moveToTag', () => {
  it('drops the old digest, and pins again when given the new one', () => {
    const moved = moveToTag(`ghcr.io/x/y:1@${OTHER}`, '2');
    expect(moved.ok && moved.reference.text).toBe('ghcr.io/x/y:2');
    const pinned = moveToTag('redis', '7-alpine', DIGEST);
    expect(pinned.ok && pinned.reference.text).toBe(`redis:7-alpine@${DIGEST}`);
  });

  it('refuses a tag outside the grammar', () => {
    const result = moveToTag('redis:7', '-bad');
    expect(result.ok).toBe(false);
  });
});
