import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { RenderResult } from '@testing-library/react';
import type { JSX } from 'react';
import { scorecardApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { FakeScorecardApi } from './FakeScorecardApi';

export interface RenderOptions {
  api?: FakeScorecardApi;
  /** Whether the user may start runs (`quadlet-portal.scorecard.run`). */
  mayRun?: boolean;
  /** The URL the element is shown at, e.g. `/scorecard/sodimo?check=…`. */
  url?: string;
  /** The route pattern the element is mounted at. */
  mountPath?: string;
}

/** Renders an element in a test app with the fake backend, a permission answer and the routes. */
export type ScorecardRenderResult = RenderResult & { api: FakeScorecardApi };

export function renderWithScorecard(
  element: JSX.Element,
  options: RenderOptions = {},
): ScorecardRenderResult {
  const api = options.api ?? new FakeScorecardApi();
  const result = renderInTestApp(element, {
    apis: [
      [scorecardApiRef, api],
      [
        permissionApiRef,
        mockApis.permission({
          authorize:
            options.mayRun === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    ],
    mountedRoutes: {
      '/scorecard': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
    },
    initialRouteEntries: options.url ? [options.url] : undefined,
    mountPath: options.mountPath,
  });
  return { api, ...result };
}

export function renderEntityCard(
  card: JSX.Element,
  entity: Entity,
  options: RenderOptions = {},
): ScorecardRenderResult {
  return renderWithScorecard(
    <EntityProvider entity={entity}>{card}</EntityProvider>,
    options,
  );
}

/** A catalog entity of the example box, as the provider emits it (annotations that matter here). */
export function boxEntity(kind: string, name: string, box = 'sodimo'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: box,
      annotations: { 'quadlet-portal.io/box': box },
    },
    spec: {},
  };
}
