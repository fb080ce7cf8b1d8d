import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { PILER_URL } from '../__testUtils__/fixtures';
import { FakeScorecardApi } from '../__testUtils__/FakeScorecardApi';
import { boxEntity, renderEntityCard } from '../__testUtils__/render';
import { scorecardApiRef } from '../api';
import { EntityScorecardCard } from './EntityScorecardCard';

const now = new Date('2026-05-02T12:00:00Z');

function items() {
  return within(
    screen.getByRole('list', { name: 'Scorecard findings' }),
  ).getAllByRole('listitem');
}

describe('EntityScorecardCard', () => {
  it("lists the entity's findings with status, severity, message and file link", async () => {
    const { api } = renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Component', 'piler'),
    );
    expect(
      await screen.findByText('Run #2 · 2026-05-01 06:00 UTC'),
    ).toBeInTheDocument();
    expect(api.calls).toContain('getEntityResults component:sodimo/piler');
    const [broken, pin, tag] = items();
    expect(
      within(broken).getByText('Unit known to be broken'),
    ).toBeInTheDocument();
    expect(within(broken).getByText('fail')).toBeInTheDocument();
    expect(within(broken).getByText('error')).toBeInTheDocument();
    expect(
      within(broken).getByText(
        /is known broken: the image expects an external MySQL/,
      ),
    ).toBeInTheDocument();
    expect(
      within(broken).getByRole('link', { name: /piler\.container:1/ }),
    ).toHaveAttribute('href', PILER_URL);
    expect(
      within(pin).getByText('Image not pinned by digest'),
    ).toBeInTheDocument();
    expect(within(pin).getByRole('link', { name: 'Fix' })).toHaveAttribute(
      'href',
      `/create/templates/default/bump-image?formData=${encodeURIComponent(
        '{"box":"sodimo","unit":"piler.container"}',
      )}`,
    );
    expect(within(tag).getByText('unknown')).toBeInTheDocument();
    expect(within(tag).getByText(/registry not asked/)).toBeInTheDocument();
    expect(items()).toHaveLength(3);
    expect(screen.getByText(/^\d+ other checks pass\.$/)).toBeInTheDocument();
  });

  it('links to the overview filtered on the entity', async () => {
    renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Component', 'piler'),
    );
    expect(
      await screen.findByRole('link', { name: 'Open in scorecard' }),
    ).toHaveAttribute(
      'href',
      '/scorecard/sodimo?entity=component%3Asodimo%2Fpiler',
    );
  });

  it('shows the new badge and the expired waiver on cockpit', async () => {
    renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Component', 'cockpit'),
    );
    await screen.findByText('Run #2 · 2026-05-01 06:00 UTC');
    const floating = items().find(i =>
      within(i).queryByText('Image on a floating tag'),
    )!;
    expect(within(floating).getByText('new')).toBeInTheDocument();
    const waiver = within(floating).getByText(
      'Waiver expired on 2026-03-31 · D-167',
    );
    expect(waiver.className).toMatch(/negative/);
    // The reason ends the message; the waiver note does not repeat it.
    const reason =
      'slow upstream cadence, strong compatibility; pin at the end of the roll-out';
    expect(floating.textContent).toContain(
      `(waiver expired on 2026-03-31: ${reason}, D-167)`,
    );
    expect(floating.textContent!.split(reason)).toHaveLength(2);
    const others = items().filter(i => i !== floating);
    expect(others.some(i => within(i).queryByText('new'))).toBe(false);
  });

  it('shows a live waiver with its expiry date', async () => {
    const api = new FakeScorecardApi();
    api.runs = api.runs.filter(r => r.id === 1); // the March run: the cockpit waiver applies
    renderEntityCard(
      <EntityScorecardCard now={new Date('2026-03-20T00:00:00Z')} />,
      boxEntity('Component', 'cockpit'),
      { api },
    );
    const waiver = await screen.findByText(
      'Waived until 2026-03-31 (11 days left) · D-167',
    );
    expect(waiver.className).not.toMatch(/negative/);
    const item = waiver.closest('li')!;
    expect(within(item).getByText('waived')).toBeInTheDocument();
    expect(
      within(item).getByText(
        'slow upstream cadence, strong compatibility; pin at the end of the roll-out',
      ),
    ).toBeInTheDocument();
    expect(within(item).queryByRole('link', { name: 'Fix' })).toBeNull();
  });

  it("badges nothing as new in the box's first run", async () => {
    const api = new FakeScorecardApi();
    api.runs = api.runs.filter(r => r.id === 1);
    renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Component', 'piler'),
      {
        api,
      },
    );
    expect(
      await screen.findByText('Run #1 · 2026-03-01 06:00 UTC'),
    ).toBeInTheDocument();
    expect(items().length).toBeGreaterThan(0);
    expect(screen.queryByText('new')).toBeNull();
  });

  it('says when every check passes', async () => {
    renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Resource', 'archive.sodimo.eu'),
    );
    expect(
      await screen.findByText(/^All \d+ checks? pass\.$/),
    ).toBeInTheDocument();
  });

  it('says when there is no result about the entity', async () => {
    renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Component', 'vaultwarden'),
    );
    expect(
      await screen.findByText(/No scorecard result about this entity yet/),
    ).toBeInTheDocument();
  });

  it('shows an error the backend gives', async () => {
    const api = new FakeScorecardApi();
    api.getEntityResults = async () => {
      throw new Error('scorecard backend unavailable');
    };
    renderEntityCard(
      <EntityScorecardCard now={now} />,
      boxEntity('Component', 'piler'),
      {
        api,
      },
    );
    expect(
      await screen.findByText('Error: scorecard backend unavailable', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });
});

describe('EntityScorecardCard in an app without the scorecard page', () => {
  it('leaves the overview link out rather than failing', async () => {
    renderInTestApp(
      <EntityProvider entity={boxEntity('Component', 'piler')}>
        <EntityScorecardCard now={now} />
      </EntityProvider>,
      {
        apis: [[scorecardApiRef, new FakeScorecardApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText(/is known broken/)).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Open in scorecard' }),
    ).toBeNull();
  });
});
