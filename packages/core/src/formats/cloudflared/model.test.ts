import { readFileSync } from 'fs';
import { join } from 'path';
import { readCloudflared } from './index';

function fixture(name: string) {
  return readCloudflared({
    path: `etc/cloudflared/${name}`,
    content: readFileSync(join(__dirname, '__fixtures__', name)),
  });
}

function fromText(text: string) {
  return readCloudflared({ path: 'config.yml', content: Buffer.from(text) });
}

describe('modelCloudflared on a valid config', () => {
  const { config, diagnostics } = fixture('config.yml');

  it('reads cleanly', () => {
    expect(diagnostics).toEqual([]);
  });

  it('reads the tunnel and the credentials path, not the credentials', () => {
    expect(config.tunnel).toEqual({
      id: '6ff42ae2-765d-4adf-8112-31c55c1551ef',
      line: 2,
      isUuid: true,
    });
    expect(config.credentialsFile).toEqual({
      path: '/etc/cloudflared/6ff42ae2-765d-4adf-8112-31c55c1551ef.json',
      line: 3,
    });
    expect(config.originRequest).toEqual({ connectTimeout: '30s' });
    expect(config.warpRouting).toBe(false);
  });

  it('reads every ingress rule with hostname, path, service and line', () => {
    expect(
      config.ingress.map(rule => [
        rule.index,
        rule.line,
        rule.hostname,
        rule.path,
        rule.service?.raw,
        rule.catchAll,
        rule.reachable,
      ]),
    ).toEqual([
      [0, 9, 'chat.example.eu', undefined, 'http://127.0.0.1:80', false, true],
      [1, 11, 'crm.example.eu', undefined, 'http://127.0.0.1:80', false, true],
      [
        2,
        15,
        '*.apps.example.eu',
        '^/api/',
        'http://127.0.0.1:8080',
        false,
        true,
      ],
      [3, 18, 'ssh.example.eu', undefined, 'ssh://localhost:22', false, true],
      [4, 20, undefined, undefined, 'http_status:404', true, true],
    ]);
  });

  it('reads services as endpoints or fixed statuses', () => {
    expect(config.ingress[0].service?.endpoint).toMatchObject({
      scheme: 'http',
      host: '127.0.0.1',
      port: 80,
    });
    expect(config.ingress[3].service?.endpoint).toMatchObject({
      scheme: 'ssh',
      host: 'localhost',
      port: 22,
    });
    expect(config.ingress[4].service).toEqual({
      raw: 'http_status:404',
      kind: 'http_status',
      status: 404,
    });
    expect(config.ingress[1].originRequest).toEqual({
      httpHostHeader: 'crm.example.eu',
    });
  });
});

describe('modelCloudflared on a broken config', () => {
  const { config, diagnostics } = fixture('broken.yml');

  it('reports what cloudflared would refuse, with lines', () => {
    expect(diagnostics.map(d => [d.line, d.severity, d.code])).toEqual([
      [3, 'error', 'cloudflared/hostname-with-port'],
      [6, 'error', 'cloudflared/service-with-path'],
      [9, 'error', 'cloudflared/invalid-service'],
      [8, 'error', 'cloudflared/bad-wildcard'],
      [10, 'error', 'cloudflared/missing-service'],
      [12, 'error', 'cloudflared/invalid-service'],
      [11, 'error', 'cloudflared/last-rule-not-catch-all'],
      [7, 'error', 'cloudflared/catch-all-not-last'],
    ]);
    expect(
      diagnostics.find(d => d.code === 'cloudflared/catch-all-not-last')
        ?.message,
    ).toBe(
      'ingress rule #3 matches every request, so rules #4, #5, #6 after it can never match; cloudflared refuses the file',
    );
  });

  it('marks the rules behind the catch-all as unreachable', () => {
    expect(config.ingress.map(rule => rule.reachable)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(config.tunnel).toEqual({ id: 'harness', line: 1, isUuid: false });
  });
});

describe('modelCloudflared rule order', () => {
  it('warns about a rule hidden by an earlier hostname or wildcard rule', () => {
    const { config, diagnostics } = fromText(
      [
        'ingress:',
        '  - hostname: "*.example.eu"',
        '    service: http://127.0.0.1:80',
        '  - hostname: chat.example.eu',
        '    service: http://127.0.0.1:3000',
        '  - hostname: a.example.org',
        '    service: http://127.0.0.1:1',
        '  - hostname: a.example.org',
        '    path: /x',
        '    service: http://127.0.0.1:2',
        '  - service: http_status:404',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map(d => [d.line, d.code, d.message])).toEqual([
      [
        4,
        'cloudflared/unreachable-rule',
        'ingress rule #2 can never match: rule #1 above already catches its requests',
      ],
      [
        8,
        'cloudflared/unreachable-rule',
        'ingress rule #4 can never match: rule #3 above already catches its requests',
      ],
    ]);
    expect(config.ingress.map(rule => rule.reachable)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('accepts `*` as the catch-all hostname and warns about a trailing slash', () => {
    const { diagnostics } = fromText(
      'ingress:\n  - hostname: a.b\n    service: http://x:1/\n  - hostname: "*"\n    service: http_status:404\n',
    );
    expect(diagnostics.map(d => [d.line, d.severity, d.code])).toEqual([
      [3, 'warning', 'cloudflared/service-with-path'],
    ]);
  });

  it('reads unix sockets and built-in services', () => {
    const { config, diagnostics } = fromText(
      'ingress:\n  - hostname: a.b\n    service: unix:/run/app.sock\n  - service: hello_world\n',
    );
    expect(diagnostics).toEqual([]);
    expect(
      config.ingress.map(rule => [rule.service?.kind, rule.service?.socket]),
    ).toEqual([
      ['unix', '/run/app.sock'],
      ['hello_world', undefined],
    ]);
  });

  it.each([
    '',
    'tunnel: x\n',
    'ingress: 3\n',
    'ingress:\n  - 3\n',
    '- a\n',
    'ingress: []\n',
    'ingress:\n  - hostname: a\n    path: "("\n    service: http://a\n',
  ])('never throws on %j', text => {
    const { config, diagnostics } = fromText(text);
    expect(config.file).toBe('config.yml');
    expect(diagnostics.every(d => d.file === 'config.yml')).toBe(true);
  });
});
