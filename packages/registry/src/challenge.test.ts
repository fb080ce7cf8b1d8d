import { parseChallenges } from './challenge';

describe('parseChallenges', () => {
  it('reads the Bearer challenge registries send', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/redis:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/redis:pull',
        },
      },
    ]);
  });

  it('reads several challenges, unquoted values, escapes and odd spacing', () => {
    expect(
      parseChallenges(
        'Basic realm="Registry \\"Realm\\"" , Bearer Realm = https://r.example/t, error="insufficient_scope"',
      ),
    ).toEqual([
      { scheme: 'basic', params: { realm: 'Registry "Realm"' } },
      {
        scheme: 'bearer',
        params: { realm: 'https://r.example/t', error: 'insufficient_scope' },
      },
    ]);
  });

  it('reads a scope holding commas inside quotes', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://a/t",scope="repository:x/y:pull,push"',
      )[0].params.scope,
    ).toBe('repository:x/y:pull,push');
  });

  it('never throws on nonsense', () => {
    for (const header of [
      null,
      '',
      '=',
      '"',
      'Bearer realm="unterminated',
      ',,,',
      'Basic abc==',
    ]) {
      expect(() => parseChallenges(header)).not.toThrow();
    }
    expect(parseChallenges('Bearer realm="unterminated')).toEqual([
      { scheme: 'bearer', params: { realm: 'unterminated' } },
    ]);
  });
});
