import { screen } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { QuadletResourceCard } from './QuadletResourceCard';

describe('QuadletResourceCard', () => {
  it('shows the podman name and settings of a network', async () => {
    renderCard(<QuadletResourceCard />, fixtures.network);
    expect(await screen.findByText('Network')).toBeInTheDocument();
    expect(screen.getByText('[Network] Subnet')).toBeInTheDocument();
    expect(screen.getByText('10.89.0.0/24')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'sodimo.network:9' }),
    ).toBeInTheDocument();
  });
});
