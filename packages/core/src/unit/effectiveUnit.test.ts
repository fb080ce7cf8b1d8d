import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDropIns, indexPaths } from './dropIns';
import { buildEffectiveUnit } from './effectiveUnit';
import {
  listKeys,
  lookup,
  lookupAll,
  lookupAllArgs,
  lookupAllStrv,
  lookupBoolean,
  lookupLastArgs,
  lookupNonEmpty,
} from './lookup';
import { parseUnit } from './parseUnit';

const treeDir = path.join(__dirname, '__fixtures__', 'tree');

function listTree(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listTree(dir, rel) : [rel];
    });
}

const index = indexPaths(listTree(treeDir));
const parse = (rel: string) =>
  parseUnit(fs.readFileSync(path.join(treeDir, rel), 'utf8'), rel).document;

function effective(name: string) {
  const dropIns = findDropIns(name, index, ['']).map(d => parse(d.path));
  return buildEffectiveUnit(parse(name), dropIns, name);
}

describe('buildEffectiveUnit', () => {
  it('appends drop-in entries and remembers where each came from', () => {
    const unit = effective('merged.container');
    expect(unit.sources).toEqual([
      'merged.container',
      'merged.container.d/10-first.conf',
      'merged.container.d/20-second.conf',
    ]);
    expect(
      lookupAll(unit, 'Container', 'Environment').map(v => [
        v.value,
        v.entry.file,
        v.entry.line,
      ]),
    ).toEqual([
      ['MAIN=mainvalue', 'merged.container', 8],
      ['FIRST=value', 'merged.container.d/10-first.conf', 2],
      ['SECOND=othervalue', 'merged.container.d/20-second.conf', 2],
    ]);
  });

  it('lets an empty value in a drop-in reset the list', () => {
    const unit = effective('merged-override.container');
    expect(
      lookupAll(unit, 'Container', 'Environment').map(v => v.value),
    ).toEqual(['SECOND=othervalue']);
  });

  it('applies template and instance drop-ins to an instance, the instance winning', () => {
    const unit = effective('template@instance.container');
    expect(unit.sources.slice(1)).toEqual([
      'template@.container.d/10-env.conf',
      'template@instance.container.d/10-image.conf',
    ]);
    expect(lookup(unit, 'Container', 'Image')?.value).toBe(
      'localhost/changed-image',
    );
    expect(lookup(unit, 'Container', 'Environment')?.entry.file).toBe(
      'template@.container.d/10-env.conf',
    );
  });
});

describe('lookups', () => {
  const unit = buildEffectiveUnit(
    parseUnit(
      [
        '[Container]',
        'Image="quay.io/a/b:1"  ',
        'Exec=sh -c "echo hi"',
        'Exec=true',
        'Label=a=1',
        'Label=',
        'Label=b=2',
        'Notify=Yes',
        'HostName=',
        'Mask=/a /b',
        "Mask='bad\\.'",
        '[Unit]',
        'Wants=a.service "b c.service"',
        'Wants=d.service',
      ].join('\n'),
      'x.container',
    ).document,
  );

  it('reads the last single value unquoted', () => {
    expect(lookup(unit, 'Container', 'Image')?.value).toBe('quay.io/a/b:1');
    expect(lookup(unit, 'Container', 'HostName')?.value).toBe('');
    expect(lookupNonEmpty(unit, 'Container', 'HostName')).toBeUndefined();
    expect(lookup(unit, 'Nope', 'Image')).toBeUndefined();
  });

  it('reads booleans', () => {
    expect(lookupBoolean(unit, 'Container', 'Notify')?.value).toBe(true);
  });

  it('splits exec-style and reports entries podman drops', () => {
    expect(lookupLastArgs(unit, 'Container', 'Exec')?.args).toEqual(['true']);
    expect(
      lookupAllArgs(unit, 'Container', 'Mask').map(a => [a.args, a.error]),
    ).toEqual([
      [['/a', '/b'], undefined],
      [[], 'unsupported escape char'],
    ]);
  });

  it('splits word lists across entries', () => {
    expect(lookupAllStrv(unit, 'Unit', 'Wants').map(w => w.value)).toEqual([
      'a.service',
      'b c.service',
      'd.service',
    ]);
  });

  it('lists keys once in order', () => {
    expect(listKeys(unit, 'Container')).toEqual([
      'Image',
      'Exec',
      'Label',
      'Notify',
      'HostName',
      'Mask',
    ]);
  });

  it('resets lists on an empty value', () => {
    expect(lookupAll(unit, 'Container', 'Label').map(v => v.value)).toEqual([
      'b=2',
    ]);
  });
});
