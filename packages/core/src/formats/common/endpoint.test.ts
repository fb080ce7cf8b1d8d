import { isLoopbackHost, parseEndpoint } from './endpoint';

describe('parseEndpoint', () => {
  it('reads host, port and path', () => {
    expect(parseEndpoint('http://127.0.0.1:9292/v1')).toEqual({
      scheme: 'http',
      host: '127.0.0.1',
      port: 9292,
      explicitPort: true,
      path: '/v1',
      url: 'http://127.0.0.1:9292/v1',
    });
  });

  it('fills in the default port of http and https', () => {
    expect(parseEndpoint('https://api.anthropic.com')).toMatchObject({
      port: 443,
      explicitPort: false,
      path: '/',
    });
    expect(parseEndpoint('http://localhost')?.port).toBe(80);
    expect(parseEndpoint('tcp://db:5432')?.port).toBe(5432);
    expect(parseEndpoint('ssh://host')?.port).toBeUndefined();
  });

  it('drops credentials and query strings', () => {
    const endpoint = parseEndpoint(
      'https://user:hunter2@proxy.example:8443/v1?token=abc',
    );
    expect(endpoint?.url).toBe('https://proxy.example:8443/v1');
    expect(JSON.stringify(endpoint)).not.toContain('hunter2');
    expect(JSON.stringify(endpoint)).not.toContain('abc');
  });

  it.each([
    '',
    'llama-swap:8080',
    'http_status:404',
    'http://',
    'not a url',
    'http://[bad',
  ])('returns undefined for %j', text => {
    expect(parseEndpoint(text)).toBeUndefined();
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['[::1]', true],
    ['llama-swap', false],
    ['10.89.0.2', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
