import { screen, within } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { BoxTreesCard } from './BoxTreesCard';

describe('BoxTreesCard', () => {
  it('shows each tree with its role, size and repository link', async () => {
    renderCard(<BoxTreesCard />, fixtures.sodimo);
    const harness = within(
      await screen.findByRole('listitem', { name: 'harness' }),
    );
    expect(harness.getByText(/OS image · 15 files/)).toBeInTheDocument();
    expect(
      harness.getByRole('link', {
        name: 'https://github.com/sodimo/harness/blob/main/',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: 'dotfiles' })).getByText(
        /dotfiles \(apps\) · 73 files/,
      ),
    ).toBeInTheDocument();
  });

  it('shows a local folder as text', async () => {
    renderCard(<BoxTreesCard />, fixtures.brokenBox);
    expect(
      await screen.findByText('/srv/boxes/broken/broken-box'),
    ).toBeInTheDocument();
  });
});
