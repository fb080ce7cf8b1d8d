import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Entity } from '@backstage/catalog-model';
import {
  inventoryToEntities,
  readBoxFromDirectories,
} from '@quadlet-portal/core';
import {
  refOf,
  relationsOf,
  startCatalogTestBackend,
  waitFor,
  type CatalogTestBackend,
} from './__testUtils__/catalogTestBackend';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../..');
const examples = path.join(repoRoot, 'examples/sodimo');
const dotfiles = path.join(examples, 'dotfiles');
const harness = path.join(examples, 'harness');
const brokenDotfiles = path.resolve(
  __dirname,
  '__fixtures__/broken-box/dotfiles',
);
const owner = 'group:default/sodimo-ops';
const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 3 } };

const find = (entities: Entity[], ref: string) =>
  entities.find(e => refOf(e) === ref);
const countOf = (entities: Entity[], kind: string, type?: string) =>
  entities.filter(
    e => e.kind === kind && (type === undefined || e.spec?.type === type),
  ).length;

describe('catalog module: local example boxes', () => {
  let backend: CatalogTestBackend;
  let expected: string[];
  let sodimo: Entity[];
  let broken: Entity[];

  beforeAll(async () => {
    backend = await startCatalogTestBackend({
      quadletPortal: {
        boxes: [
          {
            name: 'sodimo',
            title: 'Sodimo',
            owner,
            dotfiles,
            os: harness,
            schedule,
          },
          { name: 'broken', owner, dotfiles: brokenDotfiles, schedule },
          // The example as `quadlet-portal entities examples/sodimo` reads it: roles detected.
          {
            name: 'example',
            title: 'Sodimo',
            owner,
            trees: [
              { name: 'dotfiles', source: dotfiles },
              { name: 'harness', source: harness },
            ],
            schedule,
          },
        ],
      },
    });
    await backend.scheduler.triggerTask('quadlet-portal:sodimo:refresh');
    await backend.scheduler.triggerTask('quadlet-portal:broken:refresh');
    await backend.scheduler.triggerTask('quadlet-portal:example:refresh');

    // What the same code path emits (the CLI's `entities`): the catalog must accept every one.
    const inventory = await readBoxFromDirectories({ dotfiles, os: harness });
    expected = inventoryToEntities(inventory, {
      name: 'sodimo',
      owner,
      trees: [
        { name: 'dotfiles', location: dotfiles },
        { name: 'harness', location: harness },
      ],
    })
      .map(e => refOf(e as Entity))
      .sort();
    // Relations of the entities processed last are stitched last: wait for the decisions too.
    sodimo = await waitFor(
      'every sodimo entity with its decision relations',
      () => backend.entitiesOf('sodimo'),
      items =>
        items.length === expected.length &&
        relationsOf(find(items, 'component:sodimo/piler')).includes(
          'cites decision:sodimo/d-106',
        ) &&
        relationsOf(find(items, 'system:sodimo/sodimo')).includes(
          'hasPart decision:sodimo/d-106',
        ),
    );
    broken = await waitFor(
      'the broken box with its volume relation',
      () => backend.entitiesOf('broken'),
      items =>
        relationsOf(find(items, 'resource:broken/web-data.volume')).includes(
          'dependencyOf component:broken/web',
        ),
    );
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('accepts every entity the mapping emits', () => {
    expect(sodimo.map(refOf)).toEqual(expected);
    expect(broken.map(refOf)).toEqual([
      'component:broken/cache',
      'component:broken/web',
      'resource:broken/web-data.volume',
      'system:broken/broken',
    ]);
  });

  it('shows every unit, hostname and decision of the box, in its own namespace', () => {
    expect(countOf(sodimo, 'System')).toBe(1);
    expect(countOf(sodimo, 'Component', 'quadlet-container')).toBe(20);
    expect(countOf(sodimo, 'Resource', 'quadlet-volume')).toBe(20);
    expect(countOf(sodimo, 'Resource', 'quadlet-network')).toBe(1);
    expect(countOf(sodimo, 'Resource', 'hostname')).toBe(6);
    expect(
      sodimo
        .filter(e => e.kind === 'Decision')
        .map(e => `${e.metadata.name} ${e.spec?.type}`)
        .sort(),
    ).toEqual([
      'd-097 defined',
      'd-106 defined',
      'd-165 defined',
      'd-166 defined',
      'd-167 defined',
      'd-171 cited-only',
    ]);
  });

  it('describes the Piler component with its image, unit file and location', () => {
    const piler = find(sodimo, 'component:sodimo/piler');
    expect(piler?.spec).toMatchObject({
      type: 'quadlet-container',
      owner,
      system: expect.stringMatching(/sodimo$/),
    });
    expect(piler?.metadata.annotations).toMatchObject({
      'quadlet-portal.io/box': 'sodimo',
      'quadlet-portal.io/image': 'docker.io/sutoj/piler:1.4.5',
      'quadlet-portal.io/pin-tier': 'version',
      'quadlet-portal.io/unit-file': 'piler.container',
      'quadlet-portal.io/service-name': 'piler.service',
      'backstage.io/managed-by-location': `file:${dotfiles}/home/dot_config/containers/systemd/piler.container`,
      'backstage.io/managed-by-origin-location': `file:${dotfiles}`,
    });
  });

  it('relates Piler to its volume, network, hostname, owner, system and the decision it cites', () => {
    expect(relationsOf(find(sodimo, 'component:sodimo/piler'))).toEqual(
      expect.arrayContaining([
        'dependsOn resource:sodimo/piler-data.volume',
        'dependsOn resource:sodimo/sodimo.network',
        'dependencyOf resource:sodimo/archive.sodimo.eu',
        'cites decision:sodimo/d-106',
        `ownedBy ${owner}`,
        'partOf system:sodimo/sodimo',
      ]),
    );
    expect(
      relationsOf(find(sodimo, 'resource:sodimo/piler-data.volume')),
    ).toContain('dependencyOf component:sodimo/piler');
    const hostname = find(sodimo, 'resource:sodimo/archive.sodimo.eu');
    expect(hostname?.spec?.type).toBe('hostname');
    expect(relationsOf(hostname)).toContain('dependsOn component:sodimo/piler');
  });

  it('gives each decision its citing entities both ways, and keeps cited-only ones', () => {
    const d106 = find(sodimo, 'decision:sodimo/d-106');
    expect(d106?.apiVersion).toBe('quadlet-portal.io/v1alpha1');
    expect(relationsOf(d106)).toEqual(
      expect.arrayContaining([
        'citedBy component:sodimo/piler',
        `ownedBy ${owner}`,
        'partOf system:sodimo/sodimo',
      ]),
    );
    const d171 = find(sodimo, 'decision:sodimo/d-171');
    expect(relationsOf(d171).filter(r => r.startsWith('citedBy '))).not.toEqual(
      [],
    );
    // Every citedBy has its cites on the other side.
    for (const decision of sodimo.filter(e => e.kind === 'Decision')) {
      for (const citing of relationsOf(decision)
        .filter(r => r.startsWith('citedBy '))
        .map(r => r.slice('citedBy '.length))) {
        expect(relationsOf(find(sodimo, citing))).toContain(
          `cites ${refOf(decision)}`,
        );
      }
    }
  });

  it('shows a broken box: what could be read, and its problems on the System with file and line', () => {
    const system = find(broken, 'system:broken/broken');
    const diagnostics =
      (
        system?.spec?.quadlet as
          | { diagnostics?: { file: string; line: number }[] }
          | undefined
      )?.diagnostics ?? [];
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: expect.stringMatching(/web\.container$/),
          line: 4,
        }),
        expect.objectContaining({
          file: expect.stringMatching(/cache\.container$/),
        }),
      ]),
    );
    expect(
      system?.metadata.annotations?.['quadlet-portal.io/diagnostics'],
    ).toMatch(/error/);
  });

  it('holds exactly what `quadlet-portal entities` prints for the same box, entity by entity', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(repoRoot, 'packages/cli/bin/quadlet-portal'),
        'entities',
        examples,
        ...['--box', 'example', '--title', 'Sodimo', '--owner', owner],
        ...['--format', 'json'],
      ],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
    );
    const printed = JSON.parse(stdout) as Entity[];
    const stored = await waitFor(
      'every entity of the example box',
      () => backend.entitiesOf('example'),
      items => items.length === printed.length,
    );
    // What the catalog adds on its own: identity, version, stitched relations, processing status.
    const withoutCatalogFields = ({
      relations,
      status,
      ...entity
    }: Entity & { status?: unknown }) => {
      const { uid, etag, ...metadata } = entity.metadata;
      return { ...entity, metadata };
    };
    const storedByRef = new Map(stored.map(e => [refOf(e), e]));
    expect(printed.length).toBeGreaterThan(60);
    for (const entity of printed) {
      const ref = refOf(entity);
      const fromCatalog = storedByRef.get(ref);
      expect([ref, fromCatalog && withoutCatalogFields(fromCatalog)]).toEqual([
        ref,
        entity,
      ]);
    }
    // Both name the file each entity was read from.
    expect(
      find(printed, 'component:example/piler')?.metadata.annotations,
    ).toMatchObject({
      'backstage.io/managed-by-location': `file:${dotfiles}/home/dot_config/containers/systemd/piler.container`,
      'backstage.io/managed-by-origin-location': `file:${dotfiles}`,
    });
  });

  it('does not mix boxes: each provider owns only its namespace', () => {
    expect(sodimo.every(e => e.metadata.namespace === 'sodimo')).toBe(true);
    expect(broken.some(e => e.metadata.name === 'piler')).toBe(false);
  });
});
