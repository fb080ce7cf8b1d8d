import { screen, within } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { QuadletContainerCard } from './QuadletContainerCard';

function section(name: string) {
  return within(screen.getByRole('region', { name }));
}

describe('QuadletContainerCard', () => {
  it('shows the Piler image with its version-tag tier and no digest', async () => {
    renderCard(<QuadletContainerCard />, fixtures.piler);
    const image = section('Image');
    expect(
      await image.findByText('docker.io/sutoj/piler:1.4.5'),
    ).toBeInTheDocument();
    expect(image.getByText('version tag')).toBeInTheDocument();
    expect(image.getByText('none: the tag can move')).toBeInTheDocument();
    expect(
      image.getByRole('link', { name: /piler\.container:13/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L13',
    );
  });

  it('shows the comment at the top of the unit file', async () => {
    renderCard(<QuadletContainerCard />, fixtures.piler);
    expect(
      await screen.findByLabelText('Comment at the top of the file'),
    ).toHaveTextContent(/KNOWN BROKEN \(dotfiles#17\)/);
  });

  it('links the public hostname, the volume and the network to their entities', async () => {
    renderCard(<QuadletContainerCard />, fixtures.piler);
    expect(
      await section('Public hostnames').findByRole('link', {
        name: 'archive.sodimo.eu',
      }),
    ).toHaveAttribute('href', '/catalog/sodimo/resource/archive.sodimo.eu');
    expect(
      section('Volumes').getByRole('link', { name: 'piler-data.volume' }),
    ).toHaveAttribute('href', '/catalog/sodimo/resource/piler-data.volume');
    expect(section('Volumes').getByText('/var/piler')).toBeInTheDocument();
    expect(
      section('Networks').getByRole('link', { name: 'sodimo.network' }),
    ).toHaveAttribute('href', '/catalog/sodimo/resource/sodimo.network');
  });

  it('shows the published port as host address and container port', async () => {
    renderCard(<QuadletContainerCard />, fixtures.piler);
    const ports = section('Published ports');
    expect(await ports.findByText('127.0.0.1:8091')).toBeInTheDocument();
    expect(ports.getByText('80/tcp')).toBeInTheDocument();
  });

  it('flags a placeholder tag', async () => {
    renderCard(<QuadletContainerCard />, fixtures.paperclip);
    const image = section('Image');
    expect(await image.findByText('placeholder tag')).toBeInTheDocument();
  });

  it('marks a digest-pinned image and shows its digest', async () => {
    renderCard(<QuadletContainerCard />, fixtures.caddy);
    const image = section('Image');
    expect(await image.findByText('pinned by digest')).toBeInTheDocument();
    expect(image.getByText(/^sha256:/)).toBeInTheDocument();
  });

  it('shows places as text when the tree has no browser URL', async () => {
    renderCard(<QuadletContainerCard />, fixtures.pilerLocal);
    const image = section('Image');
    expect(
      await image.findByText(
        'dotfiles:home/dot_config/containers/systemd/piler.container:13',
      ),
    ).toBeInTheDocument();
    expect(image.queryByRole('link')).not.toBeInTheDocument();
  });

  it('says what is missing when the entity carries no unit facts', async () => {
    renderCard(<QuadletContainerCard />, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'bare', namespace: 'sodimo' },
      spec: { type: 'quadlet-container' },
    });
    expect(
      await screen.findByText('No public hostname routes to this unit.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No PublishPort=: reachable only from its networks.'),
    ).toBeInTheDocument();
  });
});
