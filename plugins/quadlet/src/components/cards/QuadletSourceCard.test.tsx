import { screen } from '@testing-library/react';
import { fixtures, withRelations } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { QuadletSourceCard } from './QuadletSourceCard';

describe('QuadletSourceCard', () => {
  it('links the exact file, names unit and service, and lists Documentation= links', async () => {
    renderCard(<QuadletSourceCard />, fixtures.piler);
    expect(
      await screen.findByRole('link', {
        name: 'dotfiles:home/dot_config/containers/systemd/piler.container:1',
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container',
    );
    expect(screen.getByText('piler.container')).toBeInTheDocument();
    expect(screen.getByText('piler.service')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'https://www.mailpiler.org/' }),
    ).toHaveAttribute('href', 'https://www.mailpiler.org/');
  });

  it('shows the source as tree:path:line text for a local tree', async () => {
    renderCard(<QuadletSourceCard />, fixtures.pilerLocal);
    expect(
      await screen.findByText(
        'dotfiles:home/dot_config/containers/systemd/piler.container:1',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', {
        name: 'dotfiles:home/dot_config/containers/systemd/piler.container:1',
      }),
    ).not.toBeInTheDocument();
  });

  it('links the decisions the entity cites, from its relations', async () => {
    renderCard(
      <QuadletSourceCard />,
      withRelations(fixtures.piler, [
        { type: 'cites', targetRef: 'decision:sodimo/d-106' },
      ]),
    );
    expect(await screen.findByRole('link', { name: 'D-106' })).toHaveAttribute(
      'href',
      '/catalog/sodimo/decision/d-106',
    );
  });

  it('falls back to the decision ids of the spec before the catalog has drawn relations', async () => {
    renderCard(<QuadletSourceCard />, fixtures.piler);
    expect(await screen.findByRole('link', { name: 'D-106' })).toHaveAttribute(
      'href',
      '/catalog/sodimo/decision/d-106',
    );
  });

  it('links the box', async () => {
    renderCard(<QuadletSourceCard />, fixtures.archive);
    expect(await screen.findByRole('link', { name: /sodimo/ })).toHaveAttribute(
      'href',
      '/catalog/sodimo/system/sodimo',
    );
  });
});
