import { matchesHost } from './hostnames';
import { readBox } from './readBox';

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

describe('matchesHost', () => {
  it('matches one label under a wildcard', () => {
    expect(matchesHost('*.example.com', 'a.example.com')).toBe(true);
    expect(matchesHost('*.example.com', 'a.b.example.com')).toBe(false);
    expect(matchesHost('a.example.com', 'a.example.com')).toBe(true);
  });
});

describe('hostname route chains', () => {
  const inventory = readBox([
    {
      name: 'home',
      role: 'dotfiles',
      files: [
        file(
          '.config/containers/systemd/proxy.container',
          '[Container]\nImage=docker.io/library/caddy:2\nContainerName=proxy\nPublishPort=127.0.0.1:8080:80\nVolume=%h/.config/caddy/Caddyfile:/etc/caddy/Caddyfile:ro\n',
        ),
        file(
          '.config/containers/systemd/app.container',
          '[Container]\nImage=ghcr.io/x/app:1\nContainerName=app\n',
        ),
        file(
          '.config/containers/systemd/direct.container',
          '[Container]\nImage=ghcr.io/x/direct:1\nPublishPort=127.0.0.1:9000:3000\n',
        ),
        file(
          '.config/caddy/Caddyfile',
          [
            ':80 {',
            '  @app host app.example.com',
            '  handle @app {',
            '    reverse_proxy app:8000',
            '  }',
            '  @ghost host ghost.example.com',
            '  handle @ghost {',
            '    reverse_proxy nobody:80',
            '  }',
            '  @self host self.example.com',
            '  handle @self {',
            '    reverse_proxy 127.0.0.1:9000',
            '  }',
            '}',
            '',
          ].join('\n'),
        ),
      ],
    },
    {
      name: 'os',
      role: 'os',
      files: [
        file(
          'mkosi.extra/etc/cloudflared/config.yml',
          [
            'tunnel: t',
            'ingress:',
            '  - hostname: app.example.com',
            '    service: http://localhost:8080',
            '  - hostname: ghost.example.com',
            '    service: http://localhost:8080',
            '  - hostname: self.example.com',
            '    service: http://localhost:8080',
            '  - hostname: direct.example.com',
            '    service: http://127.0.0.1:9000',
            '  - hostname: noroute.example.com',
            '    service: http://localhost:8080',
            '  - hostname: status.example.com',
            '    service: http_status:418',
            '  - service: http_status:404',
            '',
          ].join('\n'),
        ),
      ],
    },
  ]);
  const chain = (host: string) =>
    inventory.hostnames.find(h => h.hostname === host)!.chains;

  it('follows cloudflared → published host port → caddy container → upstream container', () => {
    expect(chain('app.example.com')).toEqual([
      expect.objectContaining({
        ingress: expect.objectContaining({
          service: 'http://localhost:8080',
          source: {
            tree: 'os',
            path: 'mkosi.extra/etc/cloudflared/config.yml',
            line: 3,
          },
        }),
        proxy: expect.objectContaining({
          matcher: '@app',
          source: { tree: 'home', path: '.config/caddy/Caddyfile', line: 4 },
        }),
        container: expect.objectContaining({
          name: 'app.container',
          port: 8000,
          via: 'container-name',
        }),
        complete: true,
      }),
    ]);
  });

  it('goes straight to a container when cloudflared points at its published port', () => {
    expect(chain('direct.example.com')).toEqual([
      expect.objectContaining({
        container: expect.objectContaining({
          name: 'direct.container',
          port: 3000,
          via: 'host-port',
        }),
        complete: true,
      }),
    ]);
    expect(chain('direct.example.com')[0].proxy).toBeUndefined();
  });

  it('keeps unresolved links with the reason', () => {
    expect(chain('ghost.example.com')[0].unresolved).toEqual([
      { hop: 'container', reason: 'no container of the box is named nobody' },
    ]);
    expect(chain('self.example.com')[0].unresolved).toEqual([
      {
        hop: 'container',
        reason:
          '127.0.0.1 inside the proxy.container container is that container itself',
      },
    ]);
    expect(chain('noroute.example.com')[0].unresolved).toEqual([
      { hop: 'proxy', reason: 'no Caddy route answers noroute.example.com' },
    ]);
    expect(chain('status.example.com')[0]).toMatchObject({
      complete: false,
      unresolved: [
        {
          hop: 'ingress',
          reason: 'service http_status:418 is not an HTTP origin',
        },
      ],
    });
  });

  it('records who declares each hostname', () => {
    expect(inventory.hostnames.map(h => [h.hostname, h.declaredBy])).toEqual([
      ['app.example.com', ['cloudflared', 'caddy']],
      ['direct.example.com', ['cloudflared']],
      ['ghost.example.com', ['cloudflared', 'caddy']],
      ['noroute.example.com', ['cloudflared']],
      ['self.example.com', ['cloudflared', 'caddy']],
      ['status.example.com', ['cloudflared']],
    ]);
  });
});
