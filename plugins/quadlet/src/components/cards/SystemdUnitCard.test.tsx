import { screen } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { SystemdUnitCard } from './SystemdUnitCard';

describe('SystemdUnitCard', () => {
  it('shows what a service runs and the images it pulls', async () => {
    renderCard(<SystemdUnitCard />, fixtures.etlService);
    expect(
      await screen.findByText('%h/.local/bin/sodiwin-etl'),
    ).toBeInTheDocument();
    expect(screen.getByText('ghcr.io/sodimo/etl:latest')).toBeInTheDocument();
    expect(screen.getByText('floating tag')).toBeInTheDocument();
  });

  it('shows the schedule of a timer and the unit it starts', async () => {
    renderCard(<SystemdUnitCard />, fixtures.etlTimer);
    expect(
      await screen.findByText('*-*-* 03:00:00 Europe/Paris'),
    ).toBeInTheDocument();
    expect(screen.getByText('Timer')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'sodiwin-etl.service' }),
    ).toHaveAttribute('href', '/catalog/sodimo/component/sodiwin-etl.service');
  });
});
