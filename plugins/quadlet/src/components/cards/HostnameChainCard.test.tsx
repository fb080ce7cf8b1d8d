import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { HostnameChainCard } from './HostnameChainCard';

describe('HostnameChainCard', () => {
  it('follows archive.sodimo.eu from cloudflared through Caddy to piler:80', async () => {
    renderCard(<HostnameChainCard />, fixtures.archive);
    expect(await screen.findByText('reaches a container')).toBeInTheDocument();
    const ingress = within(
      screen.getByRole('listitem', { name: 'cloudflared' }),
    );
    expect(ingress.getByText('http://127.0.0.1:80')).toBeInTheDocument();
    expect(
      ingress.getByRole('link', { name: 'config.yml:17' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sodimo/harness/blob/main/mkosi.extra/etc/cloudflared/config.yml#L17',
    );
    const proxy = within(screen.getByRole('listitem', { name: 'Caddy' }));
    expect(proxy.getByText('@archive')).toBeInTheDocument();
    expect(
      proxy.getByRole('link', { name: 'archive.caddy:4' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: 'upstream' })).getByText(
        'piler:80',
      ),
    ).toBeInTheDocument();
    const container = within(
      screen.getByRole('listitem', { name: 'container' }),
    );
    expect(
      container.getByRole('link', { name: 'piler.container' }),
    ).toHaveAttribute('href', '/catalog/sodimo/component/piler');
    expect(container.getByText('80')).toBeInTheDocument();
  });

  it('shows a broken hop in place with its reason', async () => {
    const entity: Entity = {
      ...fixtures.archive,
      spec: {
        ...fixtures.archive.spec,
        quadlet: {
          kind: 'hostname',
          hostname: 'archive.sodimo.eu',
          declaredBy: ['cloudflared'],
          chains: [
            {
              complete: false,
              ingress: {
                service: 'http://127.0.0.1:80',
                source: {
                  tree: 'harness',
                  path: 'mkosi.extra/etc/cloudflared/config.yml',
                  line: 17,
                },
              },
              unresolved: [
                {
                  hop: 'proxy',
                  reason: 'no Caddy site answers to archive.sodimo.eu',
                },
              ],
            },
          ],
          sources: [],
          servedBy: [],
          decisions: [],
        },
      },
    };
    renderCard(<HostnameChainCard />, entity);
    expect(await screen.findByText('broken')).toBeInTheDocument();
    const proxy = within(screen.getByRole('listitem', { name: 'Caddy' }));
    expect(
      proxy.getByText('missing: no Caddy site answers to archive.sodimo.eu'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: 'container' })).getByText(
        'none',
      ),
    ).toBeInTheDocument();
  });
});
