import { screen } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { OsImageCard } from './OsImageCard';

describe('OsImageCard', () => {
  it('shows distribution, release and where they are set', async () => {
    renderCard(<OsImageCard />, fixtures.osImage);
    expect(await screen.findByText('fedora')).toBeInTheDocument();
    expect(screen.getByText('44')).toBeInTheDocument();
    expect(screen.getByText(/^Packages \(\d+\)$/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'harness:mkosi.conf:8' }),
    ).toBeInTheDocument();
  });
});
