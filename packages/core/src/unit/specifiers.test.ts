import { resolveSpecifiers, specifiersIn } from './specifiers';

describe('resolveSpecifiers', () => {
  it('expands what the context knows and keeps the rest verbatim', () => {
    expect(
      resolveSpecifiers('%h/data/%N:%t/x:%Z:%%', {
        home: '/var/home/me',
        unitName: 'web.service',
      }),
    ).toEqual({
      value: '/var/home/me/data/web:%t/x:%Z:%',
      unresolved: ['%t', '%Z'],
    });
  });

  it('derives instance specifiers from the unit name', () => {
    const ctx = { unitName: 'backup-db@var-lib\\x2dx.service' };
    expect(resolveSpecifiers('%n|%N|%p|%i|%I|%j|%f|%P', ctx).value).toBe(
      'backup-db@var-lib\\x2dx.service|backup-db@var-lib\\x2dx|backup-db|var-lib\\x2dx|var/lib-x|db|/var/lib-x|backup/db',
    );
  });

  it('gives user and system defaults only when known', () => {
    expect(resolveSpecifiers('%U %T %V', { uid: 1000 }).value).toBe(
      '1000 /tmp /var/tmp',
    );
  });

  it('leaves text without % alone', () => {
    expect(resolveSpecifiers('plain', {})).toEqual({
      value: 'plain',
      unresolved: [],
    });
  });
});

describe('specifiersIn', () => {
  it('lists specifiers once, ignoring %%', () => {
    expect(specifiersIn('%h/%%/%h/%t')).toEqual(['%h', '%t']);
  });
});
