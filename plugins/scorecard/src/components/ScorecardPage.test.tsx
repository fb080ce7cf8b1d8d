import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PILER_URL } from '../__testUtils__/fixtures';
import { FakeScorecardApi } from '../__testUtils__/FakeScorecardApi';
import {
  renderWithScorecard,
  type RenderOptions,
} from '../__testUtils__/render';
import { ScorecardPage } from './ScorecardPage';

function renderPage(url: string, options: RenderOptions = {}) {
  return renderWithScorecard(<ScorecardPage />, {
    url,
    mountPath: '/scorecard/*',
    ...options,
  });
}

/** The findings table's body rows: the table with a "Fix" column, one `tr` per result. */
async function findingRows() {
  const header = await screen.findByRole('columnheader', { name: 'Fix' });
  const table = header.closest('table')!;
  return within(table)
    .getAllByRole('row')
    .filter(r => r.querySelectorAll('td').length > 1);
}

/** The one row whose text (code spans included, without their backticks) matches. */
function rowOf(rows: HTMLElement[], text: RegExp) {
  const found = rows.filter(r => text.test(r.textContent ?? ''));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('ScorecardPage', () => {
  it('shows each box with its score, and the box that was never checked', async () => {
    renderPage('/scorecard');
    expect(
      await screen.findByLabelText('Score of sodimo: 33%'),
    ).toBeInTheDocument();
    expect(screen.getByText('3 of 9 subjects pass')).toBeInTheDocument();
    expect(screen.getByText('1 new since the last run')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not asked: registries and GitHub issues (their checks say unknown)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Score of bazzite: –')).toBeInTheDocument();
    expect(screen.getByText(/has not been checked yet/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Sodimo harness (sodimo)' }),
    ).toHaveAttribute('href', '/scorecard/sodimo');
  });

  it('draws the trend over the stored runs', async () => {
    renderPage('/scorecard/sodimo');
    const chart = await screen.findByRole('img', {
      name: /^Box score per run/,
    });
    expect(chart).toHaveAccessibleName(
      'Box score per run. sodimo: 33% to 33% over 2 runs',
    );
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
  });

  it('lists the findings that do not pass, with Piler and cockpit, file links and entity links', async () => {
    renderPage('/scorecard/sodimo');
    const rows = await findingRows();
    // Default filter "Not passing": every fail, unknown and waived result of the latest run.
    expect(screen.getByText(/^\d+ results of 59$/)).toBeInTheDocument();

    const piler = rowOf(rows, /piler\.container is known broken/);
    expect(within(piler).getByText('fail')).toBeInTheDocument();
    expect(within(piler).getByText('error')).toBeInTheDocument();
    expect(
      within(piler).getByRole('link', { name: /^piler\.container:1/ }),
    ).toHaveAttribute('href', PILER_URL);
    expect(
      within(piler).getByText('dotfiles:home/dot_config/containers/systemd/'),
    ).toBeInTheDocument();
    expect(
      within(piler).getByRole('link', { name: 'piler.container' }),
    ).toHaveAttribute('href', '/catalog/sodimo/component/piler');

    // A local tree has no web view: the place is plain text.
    const cockpitPin = rowOf(
      rows,
      /quay\.io\/cockpit\/ws:latest is pinned by a floating tag/,
    );
    expect(
      within(cockpitPin).getByText('cockpit.container:13').closest('a'),
    ).toBeNull();
    expect(
      within(cockpitPin).getByText('cockpit.container:13').closest('[title]'),
    ).toHaveAttribute(
      'title',
      'dotfiles:home/dot_config/containers/systemd/cockpit.container:13 (local tree: no web view)',
    );
  });

  it('badges only the failure that is new since the previous run', async () => {
    renderPage('/scorecard/sodimo');
    const rows = await findingRows();
    const badged = rows.filter(r => within(r).queryByText('new'));
    expect(badged).toHaveLength(1);
    expect(badged[0].textContent).toMatch(/is on floating tag latest/);
    // New failures come first.
    expect(rows[0]).toBe(badged[0]);
  });

  it('shows the waiver with its expiry, highlighted when expired', async () => {
    renderPage('/scorecard/sodimo');
    const rows = await findingRows();
    const cockpit = rowOf(rows, /is on floating tag latest/);
    const waiver = within(cockpit).getByText(
      'Waiver expired on 2026-03-31 · D-167',
    );
    expect(waiver).toHaveAttribute(
      'title',
      expect.stringContaining('slow upstream cadence'),
    );
    expect(waiver.className).toMatch(/negative/);
  });

  it('offers Fix for bump-fixable failures, prefilled with box and unit', async () => {
    renderPage('/scorecard/sodimo');
    const rows = await findingRows();
    const cockpit = rowOf(rows, /is on floating tag latest/);
    expect(within(cockpit).getByRole('link', { name: 'Fix' })).toHaveAttribute(
      'href',
      `/create/templates/default/bump-image?formData=${encodeURIComponent(
        '{"box":"sodimo","unit":"cockpit.container"}',
      )}`,
    );
    const piler = rowOf(rows, /piler\.container is known broken/);
    expect(within(piler).queryByRole('link', { name: 'Fix' })).toBeNull();
  });

  it('filters by check, severity, status and text', async () => {
    renderPage('/scorecard/sodimo');
    await findingRows();

    fireEvent.mouseDown(screen.getByLabelText('Check'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Unit known to be broken' }),
    );
    // Two units declared broken fail; two others are unknown (GitHub not asked).
    await waitFor(async () => expect(await findingRows()).toHaveLength(4));
    fireEvent.mouseDown(screen.getByLabelText('Status'));
    fireEvent.click(await screen.findByRole('option', { name: 'Fail' }));
    await waitFor(async () => expect(await findingRows()).toHaveLength(2));

    await userEvent.type(screen.getByLabelText('Search findings'), 'mysql');
    await waitFor(async () => expect(await findingRows()).toHaveLength(1));
    expect(
      screen.getByText(/piler\.container is known broken/),
    ).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Severity'));
    fireEvent.click(await screen.findByRole('option', { name: 'warning' }));
    expect(
      await screen.findByText('No finding matches the filters.'),
    ).toBeInTheDocument();
  });

  it('reads the filter from the URL: the entity card links there', async () => {
    renderPage(
      '/scorecard/sodimo?entity=component%3Asodimo%2Fpiler&status=fail',
    );
    const rows = await findingRows();
    expect(rows).toHaveLength(2);
    expect(
      screen.getByText('entity: component:sodimo/piler'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Clear entity' }));
    await waitFor(async () =>
      expect((await findingRows()).length).toBeGreaterThan(2),
    );
  });

  it('keeps only new failures when asked', async () => {
    renderPage('/scorecard/sodimo');
    await findingRows();
    fireEvent.click(screen.getByLabelText('Only new since the last run'));
    await waitFor(async () => expect(await findingRows()).toHaveLength(1));
  });

  it('exports the rows shown as CSV and Markdown', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:${blobs.length}`;
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
        names.push(this.download);
      });
    try {
      renderPage('/scorecard/sodimo?check=unit-known-broken&status=fail', {
        now: undefined,
      } as RenderOptions);
      await waitFor(async () => expect(await findingRows()).toHaveLength(2));
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
      expect(names).toEqual([
        expect.stringMatching(/^scorecard-sodimo-\d{4}-\d{2}-\d{2}\.csv$/),
        expect.stringMatching(/^scorecard-sodimo-\d{4}-\d{2}-\d{2}\.md$/),
      ]);
      const csv = await blobs[0].text();
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
      expect(csv).toContain(
        'sodimo,fail,,error,unit-known-broken,piler.container,component:sodimo/piler',
      );
      expect(csv).toContain('unit-known-broken,paperclip.container');
      const md = await blobs[1].text();
      expect(md.split('\n')[0]).toBe('# Scorecard findings: sodimo');
      expect(md).toContain(
        '| sodimo | fail | error | `unit-known-broken` | piler.container |',
      );
    } finally {
      click.mockRestore();
    }
  });

  it('shows the score of each check, and choosing one filters the findings and the trend', async () => {
    renderPage('/scorecard/sodimo');
    await findingRows();
    const table = screen
      .getAllByRole('table')
      .find(t =>
        within(t).queryByRole('columnheader', { name: 'Bump fixes it' }),
      )!;
    const row = within(table)
      .getByRole('button', { name: 'Unit known to be broken' })
      .closest('tr')!;
    expect(
      within(row).getByText('0% · 2 of 2 failing, 2 unknown'),
    ).toBeInTheDocument();
    fireEvent.click(
      within(row).getByRole('button', { name: 'Unit known to be broken' }),
    );
    expect(
      await screen.findByRole('img', {
        name: /^Score of Unit known to be broken per run/,
      }),
    ).toBeInTheDocument();
    await waitFor(async () => expect(await findingRows()).toHaveLength(4));
  });

  it('says when the box of the URL does not exist', async () => {
    renderPage('/scorecard/nope');
    expect(
      await screen.findByText('Warning: No box named nope'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'sodimo' })).toHaveAttribute(
      'href',
      '/scorecard/sodimo',
    );
  });
});

describe('Run now', () => {
  it('starts a run, shows it running, then its outcome, and reloads the page', async () => {
    const api = new FakeScorecardApi();
    api.boxes = [api.boxes[0]];
    const { findByRole, findByText } = renderPage('/scorecard/sodimo', { api });
    fireEvent.click(await findByRole('button', { name: 'Run now: sodimo' }));
    expect(
      await findByText(/^Run #3 running since 2026-05-02 10:00 UTC/),
    ).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(
      await findByText('Run #3 finished, 13 failures.'),
    ).toBeInTheDocument();
    expect(api.calls.filter(c => c === 'startRun sodimo')).toHaveLength(1);
    // The page reloaded: the finished run is now the latest.
    await waitFor(() =>
      expect(api.calls.filter(c => c === 'listBoxes')).toHaveLength(2),
    );
    expect(api.calls).toContain('getLatestRun sodimo');
  });

  it('says why a run failed', async () => {
    const api = new FakeScorecardApi();
    api.boxes = [api.boxes[0]];
    api.finishWith = {
      status: 'failed',
      error: 'tree dotfiles could not be read: 404',
    };
    renderPage('/scorecard/sodimo', { api });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Run now: sodimo' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Run #3 failed: tree dotfiles could not be read: 404',
    );
  });

  it('says why a run did not start', async () => {
    const api = new FakeScorecardApi();
    api.boxes = [api.boxes[0]];
    api.startError = new Error('Request failed with 409 Conflict');
    renderPage('/scorecard/sodimo', { api });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Run now: sodimo' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The run did not start: Request failed with 409 Conflict',
    );
  });
});
