import { screen } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { BoxTreesCard } from './BoxTreesCard';

describe('BoxTreesCard', () => {
  it('shows each tree with its role, size and repository link', async () => {
    renderCard(<BoxTreesCard />, fixtures.sodimo);
    expect(await screen.findByText('dotfiles')).toBeInTheDocument();
    expect(screen.getByText('OS image')).toBeInTheDocument();
    expect(screen.getByText('73 files')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'https://github.com/sodimo/harness/blob/main/',
      }),
    ).toBeInTheDocument();
  });

  it('shows a local folder as text', async () => {
    renderCard(<BoxTreesCard />, fixtures.brokenBox);
    expect(
      await screen.findByText('/srv/boxes/broken/broken-box'),
    ).toBeInTheDocument();
  });
});
