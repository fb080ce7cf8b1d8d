import { isFullyQualifiedImageName, shortNameWarning } from './shortName';

describe('isFullyQualifiedImageName', () => {
  it.each([
    ['quay.io/org/app:1', true],
    ['localhost/app', true],
    ['registry:5000/app', true],
    ['sha256:abc', true],
    ['a'.repeat(64), true],
    ['redis', false],
    ['library/redis:7', false],
    ['redis:7', false],
  ])('%s → %s', (name, expected) => {
    expect(isFullyQualifiedImageName(name)).toBe(expected);
  });

  it('words the warning like podman', () => {
    expect(shortNameWarning('x.container', 'redis')).toContain(
      'specifies the image "redis" which not a fully qualified image name',
    );
  });
});
