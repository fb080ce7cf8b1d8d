import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { GuideSection } from '@quadlet-portal/core';
import { quadletPlugin } from './plugin';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

const sodimoBox = {
  name: 'sodimo',
  title: 'Sodimo harness',
  owner: 'group:default/box-admins',
  dotfiles: path.join(EXAMPLES, 'sodimo/dotfiles'),
  os: path.join(EXAMPLES, 'sodimo/harness'),
};

async function startBackend(boxes: object[]) {
  const backend = await startTestBackend({
    features: [
      quadletPlugin,
      mockServices.rootConfig.factory({
        data: { quadletPortal: { boxes } },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const request = (route: string, as: 'user' | 'service' | 'none' = 'user') =>
    fetch(`http://127.0.0.1:${port}/api/quadlet${route}`, {
      headers: {
        Authorization: {
          user: mockCredentials.user.header(),
          service: mockCredentials.service.header(),
          none: mockCredentials.none.header(),
        }[as],
      },
    });
  return { backend, request };
}

describe('quadlet backend on the example box', () => {
  let started: Awaited<ReturnType<typeof startBackend>>;
  const missing = mkdtempSync(path.join(os.tmpdir(), 'qp-handoff-gone-'));
  beforeAll(async () => {
    rmSync(missing, { recursive: true, force: true });
    started = await startBackend([
      sodimoBox,
      { name: 'gone', owner: 'box-admins', dotfiles: missing },
    ]);
  });
  afterAll(() => started.backend.stop());

  it('lists the configured boxes', async () => {
    const response = await started.request('/boxes');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { name: 'sodimo', title: 'Sodimo harness' },
      { name: 'gone' },
    ]);
  });

  it('serves the guide with the Piler entry and its known problem', async () => {
    const response = await started.request('/boxes/sodimo/handoff');
    expect(response.status).toBe(200);
    const guide = (await response.json()) as {
      box: string;
      sections: GuideSection[];
      locations: Record<string, { section: string; anchor: string }>;
    };
    expect(guide.box).toBe('sodimo');
    expect(guide.sections[0].id).toBe('overview');
    const piler = guide.sections.find(s => s.id === 'service-piler');
    expect(piler).toMatchObject({
      kind: 'service',
      title: 'piler',
      path: 'services/piler.md',
      parent: 'services',
      entityRefs: ['component:sodimo/piler'],
    });
    // Declared broken in the unit's comment, and failing the scorecard's check through the policy.
    expect(piler!.markdown).toContain('There is no piler-mysql container yet');
    expect(piler!.markdown).toMatch(
      /\*\*Unit known to be broken\*\* \(error, `unit-known-broken`\): .*no piler-mysql sidecar/,
    );
    // A section alone links other sections by anchor, and local trees as plain text.
    expect(piler!.markdown).toContain('(#hostname-archive.sodimo.eu)');
    expect(piler!.markdown).not.toContain('../');
    expect(guide.locations['component:sodimo/piler']).toMatchObject({
      section: 'service-piler',
      anchor: 'service-piler',
    });
    const knownBroken = guide.sections.find(s => s.id === 'known-broken');
    expect(knownBroken!.markdown).toContain('[`piler`](#service-piler)');
  });

  it('serves the whole guide as one Markdown page to download', async () => {
    const response = await started.request('/boxes/sodimo/handoff.md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'text/markdown; charset=utf-8',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="sodimo-handoff.md"',
    );
    const page = await response.text();
    expect(page.startsWith('# sodimo: handoff guide\n')).toBe(true);
    expect(page).toContain('<a id="overview"></a>\n\n## What this box is');
    expect(page).toContain('<a id="service-piler"></a>\n\n### piler\n');
    expect(page).toContain('<a id="upgrade"></a>');
  });

  it("gives Piler's reference entry", async () => {
    const response = await started.request(
      '/boxes/sodimo/reference?entityRef=component:sodimo/piler',
    );
    expect(response.status).toBe(200);
    const reference = await response.json();
    expect(reference.box).toBe('sodimo');
    expect(reference.entityRef).toBe('component:sodimo/piler');
    expect(reference.location).toEqual({
      section: 'service-piler',
      anchor: 'service-piler',
      path: 'services/piler.md',
      href: 'services/piler.md#service-piler',
    });
    expect(reference.sections.map((s: GuideSection) => s.id)).toEqual([
      'service-piler',
    ]);
    expect(reference.sections[0].markdown).toContain(
      'docker.io/sutoj/piler:1.4.5',
    );
  });

  it('reads the ref as Backstage does (kind in any case), for services too', async () => {
    const response = await started.request(
      '/boxes/sodimo/reference?entityRef=Component:sodimo/piler',
      'service',
    );
    expect(response.status).toBe(200);
    expect((await response.json()).entityRef).toBe('component:sodimo/piler');
  });

  it('gives the table holding an entity that has no entry of its own', async () => {
    const response = await started.request(
      '/boxes/sodimo/reference?entityRef=resource:sodimo/piler-data.volume',
    );
    const reference = await response.json();
    expect(reference.location.anchor).toBe('resource-piler-data.volume');
    expect(reference.sections.map((s: GuideSection) => s.id)).toEqual([
      'resources',
    ]);
  });

  it('answers 404 for an entity the guide does not document, 400 without a ref', async () => {
    const unknown = await started.request(
      '/boxes/sodimo/reference?entityRef=component:sodimo/ghost',
    );
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe(
      'the handoff guide of box "sodimo" has no entry for component:sodimo/ghost',
    );
    const none = await started.request('/boxes/sodimo/reference');
    expect(none.status).toBe(400);
    expect((await none.json()).error.message).toMatch(/\?entityRef=/);
  });

  it('answers 404 naming an unknown box and the configured ones', async () => {
    for (const route of [
      '/boxes/nope/handoff',
      '/boxes/nope/handoff.md',
      '/boxes/nope/reference?entityRef=component:nope/piler',
    ]) {
      const response = await started.request(route);
      expect(response.status).toBe(404);
      expect((await response.json()).error.message).toBe(
        'no box named "nope" is configured (quadletPortal.boxes: "sodimo", "gone")',
      );
    }
  });

  it('answers 503 naming the box, the tree and the cause when a source cannot be read', async () => {
    const response = await started.request('/boxes/gone/handoff');
    expect(response.status).toBe(503);
    const { error } = await response.json();
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toContain(
      `cannot read box "gone": tree "${path.basename(
        missing,
      )}" from ${missing}:`,
    );
    expect(error.message).toContain('ENOENT');
  });

  it('asks for credentials', async () => {
    const response = await started.request('/boxes/sodimo/handoff', 'none');
    expect(response.status).toBe(401);
  });
});
