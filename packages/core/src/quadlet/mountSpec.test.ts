import {
  mountDestination,
  mountSource,
  parseCsvRecords,
  parseMountSpec,
} from './mountSpec';

describe('parseMountSpec', () => {
  it('separates the type from the other fields', () => {
    expect(parseMountSpec('type=bind,src=/a,dst=/b,ro')).toEqual({
      type: 'bind',
      tokens: ['src=/a', 'dst=/b', 'ro'],
    });
  });

  it('defaults to a volume mount', () => {
    expect(parseMountSpec('source=data,destination=/data')).toEqual({
      type: 'volume',
      tokens: ['source=data', 'destination=/data'],
    });
  });

  it('reads quoted fields holding commas', () => {
    expect(parseMountSpec('type=bind,src=/tmp,"dst=/path,1"')).toEqual({
      type: 'bind',
      tokens: ['src=/tmp', 'dst=/path,1'],
    });
  });

  it('refuses bare quotes and several records', () => {
    expect(parseMountSpec('type=bind,src=a"b')).toEqual({
      error: 'bare " in non-quoted-field',
    });
    expect(parseMountSpec('type=bind\ntype=volume')).toHaveProperty('error');
    expect(parseMountSpec('')).toHaveProperty('error');
  });
});

describe('mount fields', () => {
  it('finds source and destination under their aliases', () => {
    expect(mountSource(['src=/a', 'dst=/b'])).toEqual({
      index: 0,
      value: '/a',
      hasValue: true,
    });
    expect(mountSource(['source', 'target=/b'])).toEqual({
      index: 0,
      value: '',
      hasValue: false,
    });
    expect(mountDestination(['src=/a', 'target=/b'])).toBe('/b');
  });

  it('keeps a trailing empty field', () => {
    expect(parseCsvRecords('a,b,')).toEqual({ records: [['a', 'b', '']] });
  });
});
