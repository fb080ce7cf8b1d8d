import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { JSX } from 'react';

/** Renders a card on a page of `entity`, with entity links routable as in the app. */
export function renderCard(card: JSX.Element, entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>{card}</EntityProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
