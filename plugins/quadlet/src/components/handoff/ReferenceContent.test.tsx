import { screen, within } from '@testing-library/react';
import { HandoffApiError } from '../../handoff/api';
import { FakeHandoffApi } from '../../__testUtils__/FakeHandoffApi';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderHandoff } from '../../__testUtils__/renderHandoff';
import { ReferenceContent } from './ReferenceContent';

describe('ReferenceContent', () => {
  it("shows Piler's entry with its known problem and a link to it in the whole guide", async () => {
    const { api } = renderHandoff(<ReferenceContent />, fixtures.piler);
    const entry = await screen.findByRole('region', { name: 'piler' });
    expect(entry).toHaveTextContent(
      "Declared broken in the unit's comment: KNOWN BROKEN (dotfiles#17): the image wants an external MySQL.",
    );
    expect(entry).toHaveTextContent(
      'docker.io/sutoj/piler:1.4.5 — version tag 1.4.5, no digest',
    );
    expect(api.calls).toEqual(['getReference sodimo component:sodimo/piler']);

    expect(
      screen.getByRole('link', { name: 'Open in the handoff guide' }),
    ).toHaveAttribute(
      'href',
      '/catalog/sodimo/system/sodimo/handoff#service-piler',
    );
    // In-guide links lead to the Handoff page; the entry does not link to its own page.
    expect(
      within(entry).getByRole('link', { name: 'archive.sodimo.eu' }),
    ).toHaveAttribute(
      'href',
      '/catalog/sodimo/system/sodimo/handoff#hostname-archive.sodimo.eu',
    );
    expect(
      within(entry)
        .getAllByRole('link')
        .some(
          a => a.getAttribute('href') === '/catalog/sodimo/component/piler',
        ),
    ).toBe(false);
    // The Handoff page owns the anchors' ids.
    expect(document.getElementById('service-piler')).toBeNull();
  });

  it('says so when the guide has no entry for the component, with a way to the guide', async () => {
    renderHandoff(<ReferenceContent />, fixtures.twenty);
    expect(
      await screen.findByText(
        'The handoff guide of box sodimo has no entry for twenty',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open the handoff guide' }),
    ).toHaveAttribute('href', '/catalog/sodimo/system/sodimo/handoff');
  });

  it("shows the backend's message when the guide cannot be made", async () => {
    const api = new FakeHandoffApi();
    api.failWith = new HandoffApiError(
      'cannot read box "sodimo": tree "harness" from /srv/harness: Error: ENOENT: no such file or directory',
      503,
    );
    renderHandoff(<ReferenceContent />, fixtures.piler, api);
    expect(
      await screen.findByText(
        'The reference entry of piler could not be loaded',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/tree "harness" from \/srv\/harness/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });

  it('says why there is nothing for a component outside any box', async () => {
    renderHandoff(<ReferenceContent />, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'quadlet-portal' },
      spec: { type: 'website' },
    });
    expect(
      await screen.findByText('No handoff reference for this entity'),
    ).toBeInTheDocument();
  });
});
