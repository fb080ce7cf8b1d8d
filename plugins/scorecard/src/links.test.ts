import { checks, findingOf, mayRun } from './__testUtils__/fixtures';
import { BUMP_IMAGE_TEMPLATE_PATH, fixUrl, overviewUrl } from './links';

const fixable = (id: string) => checks.find(c => c.id === id)!.fixableByBump;

describe('fixUrl', () => {
  it('opens the bump-image template with box and unit as form data', () => {
    const cockpit = findingOf(
      mayRun,
      'image-floating-tag',
      'cockpit.container',
    );
    const url = fixUrl('sodimo', cockpit, fixable('image-floating-tag'));
    expect(url).toBe(
      '/create/templates/default/bump-image?formData=%7B%22box%22%3A%22sodimo%22%2C%22unit%22%3A%22cockpit.container%22%7D',
    );
    const formData = new URL(url!, 'http://x').searchParams.get('formData');
    expect(JSON.parse(formData!)).toEqual({
      box: 'sodimo',
      unit: 'cockpit.container',
    });
    expect(url!.startsWith(BUMP_IMAGE_TEMPLATE_PATH)).toBe(true);
  });

  it('offers nothing for checks the bump does not fix, results that do not fail, or non-units', () => {
    const piler = findingOf(mayRun, 'unit-known-broken', 'piler.container');
    expect(fixable('unit-known-broken')).toBe(false);
    expect(fixUrl('sodimo', piler, false)).toBeUndefined();
    const unknown = findingOf(mayRun, 'image-tag-missing', 'piler.container');
    expect(unknown.status).toBe('unknown');
    expect(
      fixUrl('sodimo', unknown, fixable('image-tag-missing')),
    ).toBeUndefined();
    const kernel = mayRun.results.find(
      r => r.checkId === 'kernel-arg-missing',
    )!;
    expect(fixUrl('sodimo', kernel, true)).toBeUndefined();
  });
});

describe('overviewUrl', () => {
  it('builds the box path and the filter query', () => {
    expect(overviewUrl('/scorecard', undefined)).toBe('/scorecard');
    expect(overviewUrl('/scorecard/', 'sodimo')).toBe('/scorecard/sodimo');
    expect(
      overviewUrl('/scorecard', 'sodimo', { entity: 'component:sodimo/piler' }),
    ).toBe('/scorecard/sodimo?entity=component%3Asodimo%2Fpiler');
  });
});
