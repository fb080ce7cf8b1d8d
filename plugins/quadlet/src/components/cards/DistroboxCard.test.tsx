import { screen } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { DistroboxCard } from './DistroboxCard';

describe('DistroboxCard', () => {
  it('shows the floating image and the packages of a distrobox', async () => {
    renderCard(<DistroboxCard />, fixtures.distrobox);
    expect(
      await screen.findByText('ghcr.io/ublue-os/bazzite-arch:latest'),
    ).toBeInTheDocument();
    expect(screen.getByText('floating tag')).toBeInTheDocument();
    expect(screen.getByText('base-devel')).toBeInTheDocument();
    // A local tree: the place is text, not a link.
    expect(
      screen.getByText('bazzite:distrobox-configs/distrobox.ini:44'),
    ).toBeInTheDocument();
  });
});
