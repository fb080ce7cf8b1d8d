import {
  instanceNameOf,
  parseUnitName,
  templateNameOf,
  unescapeUnitName,
} from './unitName';

describe('parseUnitName', () => {
  it('splits plain, template and instance names', () => {
    expect(parseUnitName('dir/web.container')).toMatchObject({
      fileName: 'web.container',
      extension: '.container',
      base: 'web',
      prefix: 'web',
      instance: undefined,
      isTemplate: false,
      isInstance: false,
    });
    expect(parseUnitName('web@.container')).toMatchObject({
      prefix: 'web',
      instance: '',
      isTemplate: true,
    });
    expect(parseUnitName('web@blue@x.container')).toMatchObject({
      prefix: 'web',
      instance: 'blue@x',
      isInstance: true,
    });
  });

  it('takes the last dot as the extension', () => {
    expect(parseUnitName('a.b.network')).toMatchObject({
      base: 'a.b',
      extension: '.network',
    });
  });
});

describe('template helpers', () => {
  it('maps instances to templates and back', () => {
    expect(templateNameOf('web@blue.container')).toBe('web@.container');
    expect(templateNameOf('web.container')).toBeUndefined();
    expect(instanceNameOf('web@.container', 'green')).toBe(
      'web@green.container',
    );
  });

  it('unescapes unit-name escapes', () => {
    expect(unescapeUnitName('home-me\\x2dx')).toBe('home/me-x');
  });
});
