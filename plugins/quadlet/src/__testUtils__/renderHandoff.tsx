import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { JSX } from 'react';
import { handoffApiRef } from '../handoff/api';
import { FakeHandoffApi } from './FakeHandoffApi';

/** Renders a tab's content on a page of `entity`, with the fake backend and routable entity links. */
export function renderHandoff(
  element: JSX.Element,
  entity: Entity,
  api: FakeHandoffApi = new FakeHandoffApi(),
): ReturnType<typeof renderInTestApp> & { api: FakeHandoffApi } {
  const rendered = renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[handoffApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { ...rendered, api };
}
