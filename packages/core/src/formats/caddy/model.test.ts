import { join } from 'node:path';
import { fixtureTree } from '../../testing/fixtureTree';
import { isCaddyfileName, modelCaddyfile } from './model';
import type { CaddyText } from './parse';

const summary = (routes: ReturnType<typeof modelCaddyfile>['routes']) =>
  routes.map(r => ({
    hostname: r.hostname,
    from: r.hostnameFrom,
    path: r.pathMatcher,
    upstreams: r.upstreams.map(u => `${u.scheme}://${u.host}:${u.port}`),
    at: `${r.file.split('/').pop()}:${r.line}`,
  }));

describe('modelCaddyfile', () => {
  it('reads one site block per hostname', () => {
    const tree = fixtureTree(join(__dirname, '__fixtures__/per-host'));
    const model = modelCaddyfile('Caddyfile', tree);
    expect(model.diagnostics).toEqual([]);
    expect(model.hasGlobalOptions).toBe(true);
    expect(model.snippets).toEqual([
      { name: 'common', file: 'Caddyfile', line: 10 },
    ]);
    expect(model.sites.map(s => s.addresses)).toEqual([
      ['http://chat.sodimo.eu'],
      ['http://cockpit.sodimo.eu'],
      ['http://vault.sodimo.eu', 'http://pw.sodimo.eu'],
      ['http://llm.sodimo.eu'],
      ['http://old.sodimo.eu'],
    ]);
    expect(summary(model.routes)).toEqual([
      {
        hostname: 'chat.sodimo.eu',
        from: 'site',
        path: null,
        upstreams: ['http://openwebui:8080'],
        at: 'Caddyfile:20',
      },
      {
        hostname: 'cockpit.sodimo.eu',
        from: 'site',
        path: null,
        upstreams: ['https://host.containers.internal:9090'],
        at: 'Caddyfile:25',
      },
      {
        hostname: 'vault.sodimo.eu',
        from: 'site',
        path: '/notifications/hub',
        upstreams: ['http://vaultwarden:3012'],
        at: 'Caddyfile:35',
      },
      {
        hostname: 'pw.sodimo.eu',
        from: 'site',
        path: '/notifications/hub',
        upstreams: ['http://vaultwarden:3012'],
        at: 'Caddyfile:35',
      },
      {
        hostname: 'vault.sodimo.eu',
        from: 'site',
        path: null,
        upstreams: ['http://vaultwarden:80'],
        at: 'Caddyfile:36',
      },
      {
        hostname: 'pw.sodimo.eu',
        from: 'site',
        path: null,
        upstreams: ['http://vaultwarden:80'],
        at: 'Caddyfile:36',
      },
      {
        hostname: 'llm.sodimo.eu',
        from: 'site',
        path: '/v1/*',
        upstreams: ['h2c://litellm:4000'],
        at: 'Caddyfile:43',
      },
    ]);
    expect(model.hostnames.map(h => h.hostname)).toContain('old.sodimo.eu');
  });

  it('derives hostnames from host matchers of a shared :80 site importing route files', () => {
    const tree = fixtureTree(
      join(__dirname, '__fixtures__/shared'),
      'home/dot_config/caddy',
    );
    const model = modelCaddyfile('home/dot_config/caddy/Caddyfile', tree);
    expect(model.diagnostics).toEqual([]);
    expect(model.sites).toEqual([
      { file: 'home/dot_config/caddy/Caddyfile', line: 5, addresses: [':80'] },
    ]);
    expect(summary(model.routes)).toEqual([
      {
        hostname: 'chat.sodimo.eu',
        from: 'matcher',
        path: null,
        upstreams: ['http://openwebui:8080'],
        at: 'chat.caddy:3',
      },
      {
        hostname: 'crm.sodimo.eu',
        from: 'matcher',
        path: null,
        upstreams: ['http://twenty:3000'],
        at: 'crm.caddy:6',
      },
      {
        hostname: 'paperclip.sodimo.eu',
        from: 'matcher',
        path: null,
        upstreams: ['http://paperclip:3100'],
        at: 'paperclip.caddy:4',
      },
    ]);
    expect(model.routes[0]).toMatchObject({
      siteAddress: ':80',
      matcher: '@chat',
    });
    expect(model.hostnames).toEqual([
      {
        hostname: 'chat.sodimo.eu',
        from: 'matcher',
        file: 'home/dot_config/caddy/routes/chat.caddy',
        line: 1,
      },
      {
        hostname: 'crm.sodimo.eu',
        from: 'matcher',
        file: 'home/dot_config/caddy/routes/crm.caddy',
        line: 2,
      },
      {
        hostname: 'paperclip.sodimo.eu',
        from: 'matcher',
        file: 'home/dot_config/caddy/routes/paperclip.caddy',
        line: 1,
      },
    ]);
  });

  it('takes the nearest definition of a reused matcher name and reports the duplicate', () => {
    const tree: CaddyText[] = [
      { path: 'Caddyfile', text: ':80 {\n\timport routes/*.caddy\n}\n' },
      {
        path: 'routes/a.caddy',
        text: '@host host a.example\nhandle @host {\n\treverse_proxy a:1\n}\n',
      },
      {
        path: 'routes/b.caddy',
        text: '@host host b.example\nhandle @host {\n\treverse_proxy b:2\n}\n',
      },
    ];
    const model = modelCaddyfile('Caddyfile', tree);
    expect(model.routes.map(r => [r.hostname, r.upstreams[0].host])).toEqual([
      ['a.example', 'a'],
      ['b.example', 'b'],
    ]);
    expect(model.diagnostics).toEqual([
      expect.objectContaining({
        file: 'routes/b.caddy',
        line: 1,
        severity: 'error',
        code: 'caddy/duplicate-matcher',
      }),
    ]);
  });

  it('reads a matcher used before its definition, inline path matchers and `to` upstreams', () => {
    const text = [
      'http:// {',
      '\treverse_proxy @app {',
      '\t\tto app1:8080 app2:8080',
      '\t\tlb_policy first',
      '\t}',
      '\t@app host App.Example',
      '\treverse_proxy /static/* files:80',
      '}',
    ].join('\n');
    const model = modelCaddyfile('Caddyfile', [{ path: 'Caddyfile', text }]);
    expect(model.diagnostics).toEqual([]);
    expect(summary(model.routes)).toEqual([
      {
        hostname: 'app.example',
        from: 'matcher',
        path: null,
        upstreams: ['http://app1:8080', 'http://app2:8080'],
        at: 'Caddyfile:2',
      },
      {
        hostname: null,
        from: null,
        path: '/static/*',
        upstreams: ['http://files:80'],
        at: 'Caddyfile:7',
      },
    ]);
  });

  it('reads a single site written without braces', () => {
    const model = modelCaddyfile('Caddyfile', [
      { path: 'Caddyfile', text: 'localhost:8080\n\nreverse_proxy app:3000\n' },
    ]);
    expect(model.diagnostics).toEqual([]);
    expect(summary(model.routes)).toEqual([
      {
        hostname: 'localhost',
        from: 'site',
        path: null,
        upstreams: ['http://app:3000'],
        at: 'Caddyfile:3',
      },
    ]);
  });

  it('keeps going through broken files and says where', () => {
    const text =
      ':80 {\n\thandle @nope {\n\t\treverse_proxy\n\t}\n\treverse_proxy x:1\n';
    const model = modelCaddyfile('Caddyfile', [{ path: 'Caddyfile', text }]);
    expect(model.diagnostics.map(d => [d.line, d.code])).toEqual([
      [1, 'caddy/unclosed-brace'],
      [2, 'caddy/unknown-matcher'],
      [3, 'caddy/proxy-without-upstream'],
    ]);
    expect(model.routes.map(r => r.line)).toEqual([3, 5]);
  });

  it('reports a directive outside any site and a missing entry', () => {
    const stray = modelCaddyfile('Caddyfile', [
      { path: 'Caddyfile', text: 'a.example {\n}\nreverse_proxy x:1\n' },
    ]);
    expect(stray.diagnostics.map(d => [d.line, d.code])).toEqual([
      [3, 'caddy/directive-outside-site'],
    ]);
    expect(
      modelCaddyfile('nope/Caddyfile', []).diagnostics.map(d => d.code),
    ).toEqual(['caddy/missing-entry']);
  });

  it('recognises Caddyfile names', () => {
    expect(
      ['Caddyfile', 'x/Caddyfile.prod', 'site.caddyfile', 'routes/a.caddy'].map(
        isCaddyfileName,
      ),
    ).toEqual([true, true, true, false]);
  });
});
