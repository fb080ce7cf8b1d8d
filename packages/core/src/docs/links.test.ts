import { Linker, relativePath } from './links';

describe('links', () => {
  it('finds guide files relative to each other', () => {
    expect(relativePath('README.md', 'services/piler.md')).toBe('services/piler.md');
    expect(relativePath('services/piler.md', 'README.md')).toBe('../README.md');
    expect(relativePath('services/piler.md', 'services/caddy.md')).toBe('caddy.md');
    expect(relativePath('a/b/c.md', 'a/d.md')).toBe('../d.md');
  });

  it('links anchors by file in file mode and in place in page mode', () => {
    const anchors = new Map([
      ['service-piler', 'services/piler.md'],
      ['upgrade', 'upgrade.md'],
    ]);
    const file = new Linker([], 'file', 'services/caddy.md', anchors);
    expect(file.to('service-piler')).toBe('piler.md#service-piler');
    expect(file.to('upgrade')).toBe('../upgrade.md#upgrade');
    expect(new Linker([], 'page', '', anchors).to('upgrade')).toBe('#upgrade');
  });

  it('links sources through a web base, else a relative base in files only, else not at all', () => {
    const trees = [
      { name: 'web', webBase: 'https://github.com/o/r/blob/main', relativeBase: '../ignored/' },
      { name: 'local', relativeBase: '../../box/local/' },
    ];
    const file = new Linker(trees, 'file', 'services/x.md', new Map());
    const page = new Linker(trees, 'page', '', new Map());
    expect(file.source({ tree: 'web', path: 'a b/x.container', line: 3 })).toBe('https://github.com/o/r/blob/main/a%20b/x.container#L3');
    expect(file.source({ tree: 'local', path: 'x.container', line: 1 })).toBe('../../../box/local/x.container');
    expect(page.source({ tree: 'local', path: 'x.container', line: 1 })).toBeUndefined();
    expect(file.source({ tree: 'other', path: 'x.container' })).toBeUndefined();
    expect(file.short({ tree: 'local', path: 'q/x.container', line: 7 })).toBe('[`x.container:7`](../../../box/local/q/x.container#L7)');
    expect(page.short({ tree: 'local', path: 'q/x.container', line: 7 })).toBe('`local:q/x.container:7`');
  });
});
