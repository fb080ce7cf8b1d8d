import { DropInIndex } from './dropInIndex';

const paths = [
  'q/container.d/00-all.conf',
  'q/web.container.d/10-web.conf',
  'q/web-.container.d/05-dash.conf',
  'q/sub/container.d/20-sub.conf',
  'other/container.d/99-other.conf',
];

describe('DropInIndex', () => {
  const underQ = (parent: string) => parent === 'q' || parent.startsWith('q/');

  it('finds the drop-ins of a unit, most specific folder first per name, merged by name', () => {
    const index = new DropInIndex(paths);
    expect(index.find('web-1.container', underQ).map(d => d.path)).toEqual([
      'q/container.d/00-all.conf',
      'q/web-.container.d/05-dash.conf',
      'q/sub/container.d/20-sub.conf',
    ]);
  });

  it('gives remembered answers equal to fresh ones, unit by unit', () => {
    const remembering = new DropInIndex(paths);
    for (const name of [
      'web.container',
      'web-1.container',
      'db.container',
      'web.container',
      'web-2.container',
      'x.volume',
      'db.container',
    ]) {
      expect(remembering.find(name, underQ, 'q')).toEqual(
        new DropInIndex(paths).find(name, underQ),
      );
    }
  });

  it('keeps answers for different search folders apart', () => {
    const index = new DropInIndex(paths);
    const underOther = (parent: string) => parent === 'other';
    expect(index.find('db.container', underQ, 'q').map(d => d.name)).toEqual([
      '00-all.conf',
      '20-sub.conf',
    ]);
    expect(
      index.find('db.container', underOther, 'other').map(d => d.name),
    ).toEqual(['99-other.conf']);
  });
});
