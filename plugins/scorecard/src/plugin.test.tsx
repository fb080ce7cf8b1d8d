import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { FakeScorecardApi } from './__testUtils__/FakeScorecardApi';
import { boxEntity } from './__testUtils__/render';
import { scorecardApiRef } from './api';
import scorecardPlugin, {
  isScorecardEntity,
  scorecardEntityCard,
  scorecardPage,
} from './index';

const apis = () =>
  [
    [scorecardApiRef, new FakeScorecardApi()],
    [
      permissionApiRef,
      mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
    ],
  ] as const;

function renderEntityPage(entity: Entity) {
  return renderTestApp({
    extensions: [
      createTestEntityPage({ entity }),
      scorecardEntityCard,
      scorecardPage,
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: apis(),
  });
}

describe('scorecard plugin', () => {
  it('is the default export, with id scorecard, a title and an icon for the nav item', () => {
    expect(scorecardPlugin.id).toBe('scorecard');
    expect(scorecardPlugin.title).toBe('Scorecard');
    expect(scorecardPlugin.icon).toBeDefined();
  });

  it('mounts the page at /scorecard with the route ref the nav resolves', () => {
    const tester = createExtensionTester(scorecardPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/scorecard');
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('renders the overview at /scorecard', async () => {
    renderTestApp({
      extensions: [scorecardPage],
      initialRouteEntries: ['/scorecard/sodimo'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: apis(),
    });
    expect(
      await screen.findByLabelText('Score of sodimo: 33%'),
    ).toBeInTheDocument();
  });

  it('shows the card on entities of a box, linked to the overview', async () => {
    renderEntityPage(boxEntity('Component', 'piler'));
    expect(await screen.findByText(/is known broken/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open in scorecard' }),
    ).toHaveAttribute(
      'href',
      '/scorecard/sodimo?entity=component%3Asodimo%2Fpiler',
    );
  });

  it('filters the card to entities of a box', () => {
    const filter = createExtensionTester(scorecardEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(boxEntity('Component', 'piler'))).toBe(true);
    const outside: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'quadlet-portal', namespace: 'default' },
      spec: {},
    };
    expect(filter(outside)).toBe(false);
    expect(isScorecardEntity(outside)).toBe(false);
  });
});
