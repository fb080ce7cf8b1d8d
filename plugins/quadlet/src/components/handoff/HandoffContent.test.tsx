import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HandoffApiError } from '../../handoff/api';
import { FakeHandoffApi } from '../../__testUtils__/FakeHandoffApi';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderHandoff } from '../../__testUtils__/renderHandoff';
import { HandoffContent } from './HandoffContent';

/** The container of a section: the element whose id is its anchor. */
function sectionOf(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element with id ${id}`);
  return element;
}

describe('HandoffContent', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('renders the whole guide with Piler and its known problem in a container named by its anchor', async () => {
    renderHandoff(<HandoffContent />, fixtures.sodimo);
    expect(
      await screen.findByRole('heading', { name: 'Handoff guide of sodimo' }),
    ).toBeInTheDocument();
    const piler = sectionOf('service-piler');
    expect(piler).toHaveAttribute('aria-label', 'piler');
    expect(
      within(piler).getByRole('heading', { name: 'piler' }),
    ).toBeInTheDocument();
    expect(piler).toHaveTextContent(
      'Unit known to be broken (error, unit-known-broken): piler.container is known broken: the image expects an external MySQL; there is no piler-mysql sidecar',
    );
    // The generator's own anchor tag is gone; anchors of rows survive under the sanitizer's prefix.
    expect(document.getElementById('user-content-service-piler')).toBeNull();
    expect(
      document
        .getElementById('user-content-resource-piler-data.volume')
        ?.closest('tr'),
    ).toHaveTextContent('piler-data.volume');
  });

  it('lists the sections in a table of contents, entries under their parent', async () => {
    renderHandoff(<HandoffContent />, fixtures.sodimo);
    const contents = await screen.findByRole('navigation', {
      name: 'Contents',
    });
    const links = within(contents)
      .getAllByRole('link')
      .map(a => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['What this box is', '#overview'],
      ['Services', '#services'],
      ['caddy', '#service-caddy'],
      ['piler', '#service-piler'],
      ['Resources', '#resources'],
      ['Hostnames', '#hostnames'],
      ['archive.sodimo.eu', '#hostname-archive.sodimo.eu'],
      ['Known broken and open problems', '#known-broken'],
    ]);
  });

  it("links each section to its entities' catalog pages, but not the System to itself", async () => {
    renderHandoff(<HandoffContent />, fixtures.sodimo);
    const piler = await waitFor(() => sectionOf('service-piler'));
    expect(
      within(piler)
        .getAllByRole('link')
        .some(
          a => a.getAttribute('href') === '/catalog/sodimo/component/piler',
        ),
    ).toBe(true);
    expect(
      within(sectionOf('overview'))
        .getAllByRole('link')
        .some(a => a.getAttribute('href') === '/catalog/sodimo/system/sodimo'),
    ).toBe(false);
  });

  it('follows in-guide links to sections and table rows, and puts the anchor in the URL', async () => {
    renderHandoff(<HandoffContent />, fixtures.sodimo);
    const piler = await waitFor(() => sectionOf('service-piler'));

    fireEvent.click(
      within(piler).getByRole('link', { name: 'archive.sodimo.eu' }),
    );
    expect(window.location.hash).toBe('#hostname-archive.sodimo.eu');
    expect(sectionOf('hostname-archive.sodimo.eu')).toHaveAttribute(
      'data-guide-target',
    );

    fireEvent.click(
      within(piler).getAllByRole('link', { name: 'piler-data.volume' })[0],
    );
    expect(window.location.hash).toBe('#resource-piler-data.volume');
    const row = document
      .getElementById('user-content-resource-piler-data.volume')!
      .closest('tr');
    expect(row).toHaveAttribute('data-guide-target');
    expect(sectionOf('hostname-archive.sodimo.eu')).not.toHaveAttribute(
      'data-guide-target',
    );

    const contents = screen.getByRole('navigation', { name: 'Contents' });
    fireEvent.click(
      within(contents).getByRole('link', {
        name: 'Known broken and open problems',
      }),
    );
    expect(window.location.hash).toBe('#known-broken');
    expect(
      within(contents).getByRole('link', { current: 'location' }),
    ).toHaveTextContent('Known broken and open problems');
  });

  it('jumps to the anchor the page was opened with, once the guide is there', async () => {
    window.history.replaceState(null, '', '/#service-piler');
    renderHandoff(<HandoffContent />, fixtures.sodimo);
    await waitFor(() =>
      expect(sectionOf('service-piler')).toHaveAttribute('data-guide-target'),
    );
  });

  it('downloads the guide as one Markdown page with the signed-in fetch', async () => {
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:guide');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(`${this.download} ${this.href}`);
      });
    try {
      const { api } = renderHandoff(<HandoffContent />, fixtures.sodimo);
      const link = await screen.findByRole('link', {
        name: 'Download Markdown',
      });
      await waitFor(() =>
        expect(link).toHaveAttribute(
          'href',
          'http://localhost:7007/api/quadlet/boxes/sodimo/handoff.md',
        ),
      );
      expect(link).toHaveAttribute('download', 'sodimo-handoff.md');
      fireEvent.click(link);
      await waitFor(() =>
        expect(clicked).toEqual(['sodimo-handoff.md blob:guide']),
      );
      expect(api.calls).toContain('getMarkdown sodimo');
      const blob = createObjectURL.mock.calls[0][0];
      expect(blob.type).toBe('text/markdown;charset=utf-8');
    } finally {
      click.mockRestore();
    }
  });

  it('says it is generating the guide while the backend works', async () => {
    const api = new FakeHandoffApi();
    api.hold();
    renderHandoff(<HandoffContent />, fixtures.sodimo, api);
    expect(
      await screen.findByText(
        'Generating the handoff guide of box sodimo from its repositories…',
      ),
    ).toBeInTheDocument();
    api.release();
    expect(
      await screen.findByRole('heading', { name: 'Handoff guide of sodimo' }),
    ).toBeInTheDocument();
  });

  it("shows the backend's message when a source cannot be read, and tries again on request", async () => {
    const api = new FakeHandoffApi();
    api.failWith = new HandoffApiError(
      'cannot read box "sodimo": tree "dotfiles" from https://github.com/sodimo/dotfiles/tree/main: Error: 403 Forbidden (rate limit exceeded)',
      503,
    );
    renderHandoff(<HandoffContent />, fixtures.sodimo, api);
    expect(
      await screen.findByText(
        'The handoff guide of box sodimo could not be loaded',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/403 Forbidden \(rate limit exceeded\)/),
    ).toBeInTheDocument();
    expect(screen.getByText(/could not be read just now/)).toBeInTheDocument();

    api.failWith = undefined;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { name: 'Handoff guide of sodimo' }),
    ).toBeInTheDocument();
    expect(api.calls).toEqual(['getGuide sodimo', 'getGuide sodimo']);
  });

  it('names a box the backend does not know', async () => {
    renderHandoff(<HandoffContent />, fixtures.brokenBox);
    expect(
      await screen.findByText(
        'no box named "broken" is configured (quadletPortal.boxes: "sodimo")',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/check quadletPortal.boxes/)).toBeInTheDocument();
  });

  it('says why there is nothing for an entity without a box, and for an empty guide', async () => {
    const { unmount } = renderHandoff(<HandoffContent />, {
      ...fixtures.sodimo,
      metadata: { name: 'other', namespace: 'default', annotations: {} },
    });
    expect(
      await screen.findByText('No handoff guide for this entity'),
    ).toBeInTheDocument();
    unmount();

    const api = new FakeHandoffApi();
    api.guide = { box: 'sodimo', sections: [], locations: {} };
    renderHandoff(<HandoffContent />, fixtures.sodimo, api);
    expect(
      await screen.findByText('The handoff guide of box sodimo is empty'),
    ).toBeInTheDocument();
  });
});
