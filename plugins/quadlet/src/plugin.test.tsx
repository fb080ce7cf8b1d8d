import type { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { fixtures } from './__testUtils__/fixtures';
import { FakeHandoffApi } from './__testUtils__/FakeHandoffApi';
import { handoffApiRef } from './handoff/api';
import quadletPlugin, {
  quadletEntityCards,
  quadletEntityContents,
} from './index';

function renderEntityPage(entity: Entity) {
  return renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...quadletEntityCards],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('quadlet plugin', () => {
  it('is the default export, with id quadlet', () => {
    expect(quadletPlugin.id).toBe('quadlet');
  });

  it('shows the container, environment, dependency and source cards on a container page, and nothing else', async () => {
    renderEntityPage(fixtures.piler);
    expect(
      await screen.findByRole('heading', { name: 'Container' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Environment and secrets' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Unit dependencies' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Source' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Diagnostics' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: /^Route of/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the decision and its citations on a Decision page', async () => {
    renderEntityPage(fixtures.d106);
    expect(
      await screen.findByRole('heading', {
        name: 'D-106 · Keep the Piler mail archive indefinitely',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Cited by 1 entity' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Container' }),
    ).not.toBeInTheDocument();
  });

  it('shows the diagnostics and trees on the box System', async () => {
    renderEntityPage(fixtures.brokenBox);
    expect(
      await screen.findByRole('heading', { name: 'Diagnostics' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Source trees' }),
    ).toBeInTheDocument();
  });

  it('shows the route on a hostname page', async () => {
    renderEntityPage(fixtures.archive);
    expect(
      await screen.findByRole('heading', {
        name: 'Route of archive.sodimo.eu',
      }),
    ).toBeInTheDocument();
  });
});

describe('quadlet plugin: handoff tabs', () => {
  function renderWithContents(entity: Entity) {
    return renderTestApp({
      extensions: [createTestEntityPage({ entity }), ...quadletEntityContents],
      apis: [[handoffApiRef, new FakeHandoffApi()]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  it("shows the box's guide on its System", async () => {
    renderWithContents(fixtures.sodimo);
    expect(
      await screen.findByRole('heading', { name: 'Handoff guide of sodimo' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'piler' }),
    ).toHaveTextContent('KNOWN BROKEN (dotfiles#17)');
  });

  it("shows a component's own entry", async () => {
    renderWithContents(fixtures.piler);
    expect(
      await screen.findByRole('link', { name: 'Open in the handoff guide' }),
    ).toHaveAttribute(
      'href',
      '/catalog/sodimo/system/sodimo/handoff#service-piler',
    );
  });

  it('adds neither tab to a volume', async () => {
    renderWithContents(fixtures.pilerData);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
