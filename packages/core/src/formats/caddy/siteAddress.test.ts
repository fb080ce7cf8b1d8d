import { parseSiteAddress, splitSiteAddresses } from './siteAddress';

describe('parseSiteAddress', () => {
  it.each([
    [
      'chat.sodimo.eu',
      { scheme: null, host: 'chat.sodimo.eu', port: null, path: null },
    ],
    [
      'http://chat.sodimo.eu',
      { scheme: 'http', host: 'chat.sodimo.eu', port: null, path: null },
    ],
    [':80', { scheme: null, host: '', port: 80, path: null }],
    ['http://:80', { scheme: 'http', host: '', port: 80, path: null }],
    ['http://', { scheme: 'http', host: '', port: null, path: null }],
    [
      '*.sodimo.eu',
      { scheme: null, host: '*.sodimo.eu', port: null, path: null },
    ],
    [
      'localhost:8080',
      { scheme: null, host: 'localhost', port: 8080, path: null },
    ],
    [
      'https://Example.COM:8443/api/*',
      { scheme: 'https', host: 'example.com', port: 8443, path: '/api/*' },
    ],
    ['[::1]:2015', { scheme: null, host: '[::1]', port: 2015, path: null }],
    [
      '{$DOMAIN:Example.com}',
      { scheme: null, host: '{$DOMAIN:Example.com}', port: null, path: null },
    ],
    [
      '{$DOMAIN}:8080',
      { scheme: null, host: '{$DOMAIN}', port: 8080, path: null },
    ],
  ])('reads %s', (raw, expected) => {
    expect(parseSiteAddress(raw)).toEqual({ raw, ...expected });
  });

  it('splits address lists written with commas and spaces', () => {
    expect(
      splitSiteAddresses(['a.example,', 'b.example', 'c.example,d.example']),
    ).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
  });
});
