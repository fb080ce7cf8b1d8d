import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildEffectiveUnit, parseUnit, parseUnitKeys } from '../unit';
import { NAME_KEYS, resourceNameOf, serviceNameOf } from './names';
import { quadletTypeOf } from './unitTypes';

const podmanDir = path.join(
  __dirname,
  '..',
  'conformance',
  '__fixtures__',
  'podman-quadlet',
);

/** Names of a unit with a drop-in that overrides them, as both readings give them. */
function names(text: string, dropIn: string, read: 'full' | 'keys') {
  const parse = (t: string, p: string) =>
    read === 'full' ? parseUnit(t, p).document : parseUnitKeys(t, p, NAME_KEYS);
  return (fileName: string) => {
    const info = quadletTypeOf(fileName)!;
    const unit = buildEffectiveUnit(
      parse(text, fileName),
      [parse(dropIn, `${fileName}.d/10.conf`)],
      fileName,
    );
    const service = serviceNameOf(unit, info);
    return { service, resource: resourceNameOf(unit, info, service.name) };
  };
}

describe('NAME_KEYS', () => {
  it("holds every key a unit's names are read from (podman's test files)", () => {
    const files = fs
      .readdirSync(podmanDir)
      .filter(name => quadletTypeOf(name) !== undefined);
    expect(files.length).toBeGreaterThan(200);
    for (const name of files) {
      const text = fs.readFileSync(path.join(podmanDir, name), 'utf8');
      expect(names(text, '', 'keys')(name)).toEqual(
        names(text, '', 'full')(name),
      );
    }
  });

  it('covers names set or reset in a drop-in', () => {
    const text = '[Container]\nImage=a\nContainerName=one\nServiceName=s\n';
    for (const dropIn of [
      '[Container]\nContainerName=two\n',
      '[Container]\nServiceName=\n',
      '[Volume]\nVolumeName=v\n',
    ]) {
      for (const name of ['web.container', 'web@.container', 'x.volume']) {
        expect(names(text, dropIn, 'keys')(name)).toEqual(
          names(text, dropIn, 'full')(name),
        );
      }
    }
  });
});
