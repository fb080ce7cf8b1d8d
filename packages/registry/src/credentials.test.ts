import {
  basicAuthorization,
  credentialFor,
  mayCarryCredentials,
} from './credentials';

describe('credentials', () => {
  const hub = { registry: 'docker.io', username: 'u', password: 'p:w' };

  it('finds the entry for a registry under any spelling of Docker Hub', () => {
    expect(credentialFor('index.docker.io', [hub])).toBe(hub);
    expect(credentialFor('ghcr.io', [hub])).toBeUndefined();
  });

  it('builds a Basic header', () => {
    expect(basicAuthorization(hub)).toBe(
      `Basic ${Buffer.from('u:p:w').toString('base64')}`,
    );
  });

  it('sends credentials over HTTPS, or plain HTTP only to loopback and listed hosts', () => {
    expect(mayCarryCredentials(new URL('https://auth.example/token'), [])).toBe(
      true,
    );
    expect(
      mayCarryCredentials(new URL('http://127.0.0.1:9000/token'), []),
    ).toBe(true);
    expect(mayCarryCredentials(new URL('http://[::1]:9000/token'), [])).toBe(
      true,
    );
    expect(mayCarryCredentials(new URL('http://auth.example/token'), [])).toBe(
      false,
    );
    expect(
      mayCarryCredentials(new URL('http://auth.lan:8080/token'), ['auth.lan']),
    ).toBe(true);
    expect(
      mayCarryCredentials(new URL('ftp://auth.example/token'), [
        'auth.example',
      ]),
    ).toBe(false);
  });
});
