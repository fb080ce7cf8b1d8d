import { unitSourceFor } from './templates';

describe('unitSourceFor', () => {
  const files = new Set([
    'q/web@.container',
    'q/web@green.container',
    'q/db.container',
  ]);
  const exists = (p: string) => files.has(p);

  it('uses the instance file when there is one', () => {
    expect(unitSourceFor('q/web@green.container', exists)).toEqual({
      fileName: 'web@green.container',
      readFrom: 'q/web@green.container',
      viaTemplate: false,
    });
  });

  it('falls back to the template for an instance without a file', () => {
    expect(unitSourceFor('q/web@blue.container', exists)).toEqual({
      fileName: 'web@blue.container',
      readFrom: 'q/web@.container',
      viaTemplate: true,
    });
  });

  it('finds nothing for a missing plain unit', () => {
    expect(unitSourceFor('q/cache.container', exists)).toBeUndefined();
  });
});
