import { parseUpstream } from './upstream';

describe('parseUpstream', () => {
  it.each([
    ['openwebui:8080', 'http', 'openwebui', 8080, true],
    [
      'host.containers.internal:9090',
      'http',
      'host.containers.internal',
      9090,
      true,
    ],
    ['http://127.0.0.1:4000', 'http', '127.0.0.1', 4000, true],
    ['h2c://litellm:4000', 'h2c', 'litellm', 4000, true],
    ['https://backend', 'https', 'backend', 443, false],
    ['vaultwarden', 'http', 'vaultwarden', 80, false],
    [':8080', 'http', '', 8080, true],
    ['[::1]:9000', 'http', '[::1]', 9000, true],
    ['App:80', 'http', 'app', 80, true],
  ])('reads %s', (raw, scheme, host, port, portWritten) => {
    expect(parseUpstream(raw)).toEqual([
      { raw, scheme, host, port, portWritten },
    ]);
  });

  it('reads unix sockets and placeholders without inventing ports', () => {
    expect(parseUpstream('unix//run/app.sock')).toEqual([
      {
        raw: 'unix//run/app.sock',
        scheme: 'unix',
        host: '/run/app.sock',
        port: null,
        portWritten: false,
      },
    ]);
    expect(parseUpstream('{env.UPSTREAM}')[0]).toMatchObject({
      host: '{env.UPSTREAM}',
      port: null,
    });
    expect(parseUpstream('app:{$PORT}')[0]).toMatchObject({
      host: 'app',
      port: null,
    });
  });

  it('expands port ranges', () => {
    expect(parseUpstream('localhost:8001-8003').map(u => u.port)).toEqual([
      8001, 8002, 8003,
    ]);
  });
});
