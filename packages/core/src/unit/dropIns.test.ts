import {
  directoriesUnder,
  dropInDirectoryNames,
  findDropIns,
  indexPaths,
} from './dropIns';

describe('dropInDirectoryNames', () => {
  it('lists the unit, truncated-dash and type directories, most specific first', () => {
    expect(dropInDirectoryNames('a-b-c.container')).toEqual([
      'a-b-c.container.d',
      'a-b-.container.d',
      'a-.container.d',
      'container.d',
    ]);
  });

  it('adds template directories for instances', () => {
    expect(dropInDirectoryNames('foo-bar@baz.container')).toEqual([
      'foo-bar@baz.container.d',
      'foo-bar@.container.d',
      'foo-@.container.d',
      'foo-.container.d',
      'container.d',
    ]);
    expect(dropInDirectoryNames('web@.pod')).toEqual(['web@.pod.d', 'pod.d']);
  });

  it('does not truncate the instance part', () => {
    expect(dropInDirectoryNames('web@blue-green.volume')).toEqual([
      'web@blue-green.volume.d',
      'web@.volume.d',
      'volume.d',
    ]);
  });
});

describe('findDropIns', () => {
  const index = indexPaths([
    'q/a-b.container',
    'q/container.d/10-all.conf',
    'q/container.d/50-shared.conf',
    'q/a-.container.d/50-shared.conf',
    'q/a-b.container.d/20-own.conf',
    'q/a-b.container.d/readme.txt',
    'q/sub/a-b.container.d/05-sub.conf',
    'q/sub/a-b.container.d/20-own.conf',
    'other/container.d/99.conf',
  ]);

  it('merges alphabetically, a more specific directory winning a file name', () => {
    const found = findDropIns('a-b.container', index, ['q']);
    expect(found.map(d => d.path)).toEqual([
      'q/container.d/10-all.conf',
      'q/a-b.container.d/20-own.conf',
      'q/a-.container.d/50-shared.conf',
    ]);
  });

  it('searches every directory podman reads, earlier ones winning', () => {
    const dirs = directoriesUnder(index, 'q');
    expect(dirs.slice(0, 2)).toEqual(['q', 'q/a-.container.d']);
    const found = findDropIns('a-b.container', index, dirs);
    expect(found.map(d => d.path)).toEqual([
      'q/sub/a-b.container.d/05-sub.conf',
      'q/container.d/10-all.conf',
      'q/a-b.container.d/20-own.conf',
      'q/a-.container.d/50-shared.conf',
    ]);
  });
});

describe('indexPaths', () => {
  it('orders directories like a depth-first walk by name', () => {
    expect(indexPaths(['a-b/x', 'a/y', 'a/c/z', 'r']).directories).toEqual([
      '',
      'a',
      'a/c',
      'a-b',
    ]);
  });
});
