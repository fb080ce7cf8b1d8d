import { screen, within } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { QuadletEnvironmentCard } from './QuadletEnvironmentCard';

function section(name: string) {
  return within(screen.getByRole('region', { name }));
}

describe('QuadletEnvironmentCard', () => {
  it('lists the env file with the names of its variables and the template it is rendered from', async () => {
    renderCard(<QuadletEnvironmentCard />, fixtures.piler);
    const envFiles = section('Env files');
    expect(
      await envFiles.findByText('%h/.config/sodimo/piler.env'),
    ).toBeInTheDocument();
    expect(
      envFiles.getByText(
        'MYSQL_DATABASE, MYSQL_USER, MYSQL_PASSWORD, MYSQL_ROOT_PASSWORD',
      ),
    ).toBeInTheDocument();
    expect(envFiles.getByText('rendered')).toBeInTheDocument();
    expect(
      envFiles.getByRole('link', { name: 'piler.env.tmpl:1' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/sodimo/piler.env.tmpl',
    );
    expect(
      section('Environment= variables').getByText('PILER_HOSTNAME'),
    ).toBeInTheDocument();
  });

  it('marks an env file that is neither in the repo nor rendered as missing', async () => {
    renderCard(<QuadletEnvironmentCard />, fixtures.twenty);
    expect(
      await section('Env files').findByText('missing'),
    ).toBeInTheDocument();
  });

  it('says when a unit has no podman secrets', async () => {
    renderCard(<QuadletEnvironmentCard />, fixtures.piler);
    expect(
      await section('Podman secrets').findByText('No Secret= lines.'),
    ).toBeInTheDocument();
  });

  it('leaves podman secrets out for a plain systemd service', async () => {
    renderCard(<QuadletEnvironmentCard />, fixtures.etlService);
    expect(
      await screen.findByRole('region', { name: 'Env files' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Podman secrets' }),
    ).not.toBeInTheDocument();
  });
});
