import { SourcePlaces } from './sourcePlaces';

const ref = { tree: 'dotfiles', path: 'home/dot_config/containers/systemd/piler.container', line: 12 };

describe('SourcePlaces', () => {
  it('links a GitHub tree down to the line, with the folder as source location', () => {
    const places = new SourcePlaces([{ name: 'dotfiles', location: 'https://github.com/sodimo/dotfiles', webBase: 'https://github.com/sodimo/dotfiles/blob/main' }]);
    expect(places.annotations(ref)).toEqual({
      'quadlet-portal.io/source': 'dotfiles:home/dot_config/containers/systemd/piler.container:12',
      'backstage.io/source-location': 'url:https://github.com/sodimo/dotfiles/tree/main/home/dot_config/containers/systemd/',
      'backstage.io/view-url': 'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L12',
      'backstage.io/edit-url': 'https://github.com/sodimo/dotfiles/edit/main/home/dot_config/containers/systemd/piler.container',
    });
    expect(places.place({ ...ref, line: 1 })).toEqual({ ...ref, line: 1, url: 'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container' });
    expect(places.treeUrl('dotfiles')).toBe('https://github.com/sodimo/dotfiles/blob/main/');
  });

  it('gives a local folder a dir: location and no view URL', () => {
    const places = new SourcePlaces([{ name: 'dotfiles', location: '/srv/box/dotfiles' }]);
    expect(places.annotations(ref)).toEqual({
      'quadlet-portal.io/source': 'dotfiles:home/dot_config/containers/systemd/piler.container:12',
      'backstage.io/source-location': 'dir:/srv/box/dotfiles/home/dot_config/containers/systemd/',
    });
    expect(places.place(ref)).toEqual(ref);
  });

  it('gives a repository URL without web base a url: location of the repository', () => {
    const places = new SourcePlaces([{ name: 'harness', location: 'https://git.example.org/ops/harness.git' }]);
    expect(places.annotations({ tree: 'harness', path: 'mkosi.conf', line: 8 })['backstage.io/source-location']).toBe('url:https://git.example.org/ops/harness.git/');
  });

  it('encodes path segments and falls back to the inventory location of an undescribed tree', () => {
    const places = new SourcePlaces([{ name: 'docs', location: '/x', webBase: 'https://github.com/o/r/blob/v1/' }], [
      { name: 'other', role: 'other', roleFrom: 'given', files: 1, bytes: 1, commits: 0, location: '/srv/other' },
    ]);
    expect(places.viewUrl('docs', 'a b/c#d.md', 3)).toBe('https://github.com/o/r/blob/v1/a%20b/c%23d.md#L3');
    expect(places.annotations({ tree: 'other', path: 'f', line: 1 })['backstage.io/source-location']).toBe('dir:/srv/other/');
    expect(places.annotations({ tree: 'unknown', path: 'f', line: 1 })).toEqual({ 'quadlet-portal.io/source': 'unknown:f:1' });
  });
});

describe('SourcePlaces.locationAnnotations', () => {
  // What the catalog provider applied itself before the mapping did (moved from the catalog module).
  const places = new SourcePlaces([
    { name: 'dotfiles', location: 'https://github.com/sodimo/dotfiles/tree/main', webBase: 'https://github.com/sodimo/dotfiles/blob/main/' },
    { name: 'harness', location: '/srv/boxes/harness' },
    { name: 'mirror', location: 'https://git.example.org/ops/mirror.git' },
  ]);

  it('points managed-by-location at the file on GitHub and the origin at the first tree', () => {
    expect(places.locationAnnotations({ tree: 'dotfiles', path: 'home/dot_config/containers/systemd/piler.container' })).toEqual({
      'backstage.io/managed-by-location': 'url:https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container',
      'backstage.io/managed-by-origin-location': 'url:https://github.com/sodimo/dotfiles/tree/main',
    });
  });

  it('uses file: for a local tree, and the repository for a URL without web base', () => {
    expect(places.locationAnnotations({ tree: 'harness', path: 'mkosi.conf' })['backstage.io/managed-by-location']).toBe('file:/srv/boxes/harness/mkosi.conf');
    expect(places.locationAnnotations({ tree: 'mirror', path: 'a.container' })['backstage.io/managed-by-location']).toBe('url:https://git.example.org/ops/mirror.git');
  });

  it('falls back to the first tree for entities without a source file (the System) or of an undescribed tree', () => {
    expect(places.locationAnnotations()['backstage.io/managed-by-location']).toBe('url:https://github.com/sodimo/dotfiles/tree/main');
    expect(places.locationAnnotations({ tree: 'unknown', path: 'f' })['backstage.io/managed-by-location']).toBe('url:https://github.com/sodimo/dotfiles/tree/main');
  });

  it('gives none without a described tree, or when the first is a relative folder the catalog cannot place', () => {
    expect(new SourcePlaces([]).locationAnnotations({ tree: 'a', path: 'f' })).toEqual({});
    expect(new SourcePlaces([{ name: 'a', location: 'examples/sodimo' }]).locationAnnotations({ tree: 'a', path: 'f' })).toEqual({});
    const localFirst = new SourcePlaces([
      { name: 'a', location: '/srv/a/' },
      { name: 'b', location: 'relative/b' },
    ]);
    expect(localFirst.locationAnnotations({ tree: 'a', path: 'x/f' })['backstage.io/managed-by-location']).toBe('file:/srv/a/x/f');
    expect(localFirst.locationAnnotations({ tree: 'b', path: 'f' })['backstage.io/managed-by-location']).toBe('file:/srv/a/');
  });
});
