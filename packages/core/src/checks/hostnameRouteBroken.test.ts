import type { Hostname } from '../inventory/types';
import {
  at,
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  waiver,
} from './__fixtures__/testBox';
import { hostnameRouteBroken } from './hostnameRouteBroken';

const CLOUDFLARED = at('mkosi.extra/etc/cloudflared/config.yml', 9, 'harness');
const route = (file: string) => at(`home/dot_config/caddy/routes/${file}`, 4);

describe('hostname-route-broken', () => {
  const hostnames: Hostname[] = [
    {
      hostname: 'chat.sodimo.eu',
      declaredBy: ['cloudflared', 'caddy'],
      chains: [
        {
          ingress: {
            kind: 'cloudflared',
            service: 'http://127.0.0.1:80',
            source: CLOUDFLARED,
          },
          proxy: {
            kind: 'caddy',
            siteAddress: ':80',
            source: route('chat.caddy'),
          },
          upstream: {
            host: 'openwebui',
            port: 8080,
            scheme: 'http',
            raw: 'openwebui:8080',
          },
          container: {
            unit: 'dotfiles:x/openwebui.container',
            name: 'openwebui.container',
            port: 8080,
            via: 'container-name',
          },
          complete: true,
          unresolved: [],
        },
      ],
      sources: [CLOUDFLARED, route('chat.caddy')],
      decisions: [],
    },
    {
      hostname: 'wiki.sodimo.eu',
      declaredBy: ['cloudflared'],
      chains: [
        {
          ingress: {
            kind: 'cloudflared',
            service: 'http://127.0.0.1:80',
            source: { ...CLOUDFLARED, line: 21 },
          },
          complete: false,
          unresolved: [
            { hop: 'proxy', reason: 'no Caddy route answers wiki.sodimo.eu' },
          ],
        },
      ],
      sources: [{ ...CLOUDFLARED, line: 21 }],
      decisions: [],
    },
    {
      hostname: 'crm.sodimo.eu',
      declaredBy: ['caddy'],
      chains: [
        {
          proxy: {
            kind: 'caddy',
            siteAddress: ':80',
            source: route('crm.caddy'),
          },
          upstream: {
            host: 'twenty',
            port: 3000,
            scheme: 'http',
            raw: 'twenty:3000',
          },
          complete: false,
          unresolved: [
            {
              hop: 'upstream',
              reason: 'no container of the box is named twenty',
            },
          ],
        },
      ],
      sources: [route('crm.caddy')],
      decisions: [],
    },
    {
      hostname: 'empty.sodimo.eu',
      declaredBy: ['tailnet'],
      chains: [],
      sources: [],
      decisions: [],
    },
  ];
  const inventory = emptyInventory({ hostnames });

  it('fails each chain that stops before a container, at the hop that breaks', () => {
    const results = hostnameRouteBroken.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail crm.sodimo.eu /',
      'fail empty.sodimo.eu',
      'fail wiki.sodimo.eu /',
      'pass chat.sodimo.eu',
    ]);
    expect(results.find(r => r.entityName === 'wiki.sodimo.eu')).toMatchObject({
      entityRef: 'resource:sodimo/wiki.sodimo.eu',
      tree: 'harness',
      line: 21,
      message: 'wiki.sodimo.eu: proxy: no Caddy route answers wiki.sodimo.eu',
    });
    expect(results.find(r => r.entityName === 'crm.sodimo.eu')).toMatchObject({
      file: 'home/dot_config/caddy/routes/crm.caddy',
      line: 4,
    });
    expect(results.find(r => r.entityName === 'chat.sodimo.eu')!.message).toBe(
      'chat.sodimo.eu reaches openwebui.container:8080',
    );
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('hostname-route-broken', 'wiki.sodimo.eu')),
    );
    expect(
      runOnly('hostname-route-broken', contextOf(inventory, policy)).find(
        r => r.entityName === 'wiki.sodimo.eu',
      )!.status,
    ).toBe('waived');
  });
});
