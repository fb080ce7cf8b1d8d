import { screen, within } from '@testing-library/react';
import { fixtures, withRelations } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { DecisionCitationsCard } from './DecisionCitationsCard';

describe('DecisionCitationsCard', () => {
  it('lists the Piler component with both lines that cite D-106', async () => {
    renderCard(
      <DecisionCitationsCard />,
      withRelations(fixtures.d106, [
        { type: 'citedBy', targetRef: 'component:sodimo/piler' },
      ]),
    );
    expect(await screen.findByText('Cited by 1 entity')).toBeInTheDocument();
    const row = within(screen.getByRole('row', { name: /piler/ }));
    expect(
      row.getByRole('link', {
        name: 'dotfiles:home/dot_config/containers/systemd/piler.container:2',
      }),
    ).toBeInTheDocument();
    expect(
      row.getByRole('link', {
        name: 'dotfiles:home/dot_config/sodimo/piler.env.tmpl:2',
      }),
    ).toBeInTheDocument();
  });

  it('keeps places that belong to no entity in a row of their own', async () => {
    renderCard(<DecisionCitationsCard />, fixtures.d097);
    expect(await screen.findByText('Cited by 1 entity')).toBeInTheDocument();
    const orphan = within(
      screen.getByRole('row', { name: /outside any entity/ }),
    );
    expect(
      orphan.getByRole('link', { name: 'harness:docs/decisions.md:4' }),
    ).toBeInTheDocument();
  });
});
