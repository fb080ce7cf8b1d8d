import { placeText, shortPlaceText } from './places';

describe('places', () => {
  it('prints tree:path:line, leaving out the line of a whole file', () => {
    expect(
      placeText({ tree: 'dotfiles', path: 'home/x/piler.container', line: 13 }),
    ).toBe('dotfiles:home/x/piler.container:13');
    expect(
      placeText({ tree: 'broken-box', path: 'x/cache.container', line: 0 }),
    ).toBe('broken-box:x/cache.container');
    expect(placeText({ path: 'mkosi.conf', line: 8 })).toBe('mkosi.conf:8');
  });

  it('shortens to the file name for table cells', () => {
    expect(
      shortPlaceText({
        tree: 'dotfiles',
        path: 'home/x/piler.container',
        line: 13,
      }),
    ).toBe('piler.container:13');
    expect(shortPlaceText({ path: 'routes/', line: 0 })).toBe('routes');
  });
});
