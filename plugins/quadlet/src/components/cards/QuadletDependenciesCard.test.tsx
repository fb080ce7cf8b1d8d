import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import {
  QuadletDependenciesCard,
  sortByPlace,
} from './QuadletDependenciesCard';

describe('QuadletDependenciesCard', () => {
  it('links the units of the box that are entities and shows each line', async () => {
    renderCard(<QuadletDependenciesCard />, fixtures.piler);
    expect(
      await screen.findByRole('link', { name: 'piler-data.volume' }),
    ).toHaveAttribute('href', '/catalog/sodimo/resource/piler-data.volume');
    expect(screen.getByText('Volume=')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'piler.container:18' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L18',
    );
    // sodimo.target is a unit of the box but no entity: named, not linked.
    expect(screen.getByText('sodimo.target')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'sodimo.target' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('unresolved')).not.toBeInTheDocument();
  });

  it('marks a reference no unit answers to as unresolved and counts it in the header', async () => {
    const spec = fixtures.piler.spec as { quadlet: { dependencies: object[] } };
    const entity: Entity = {
      ...fixtures.piler,
      spec: {
        ...fixtures.piler.spec,
        quadlet: {
          ...spec.quadlet,
          dependencies: [
            ...spec.quadlet.dependencies,
            {
              kind: 'requires',
              key: 'Requires',
              target: 'piler-mysql.container',
              service: 'piler-mysql.service',
              resolved: false,
              wellKnown: false,
              relation: false,
              source: {
                tree: 'dotfiles',
                path: 'home/dot_config/containers/systemd/piler.container',
                line: 7,
              },
            },
          ],
        },
      },
    };
    renderCard(<QuadletDependenciesCard />, entity);
    expect(await screen.findByText('unresolved')).toBeInTheDocument();
    expect(screen.getByText('1 unresolved')).toBeInTheDocument();
    expect(screen.getByText('piler-mysql.container')).toBeInTheDocument();
  });

  it('marks units systemd provides', async () => {
    renderCard(<QuadletDependenciesCard />, fixtures.etlTimer);
    expect(await screen.findByText('timers.target')).toBeInTheDocument();
    expect(screen.getByText('provided by systemd/podman')).toBeInTheDocument();
  });
});

describe('sortByPlace', () => {
  it('orders references as the file does', () => {
    const at = (target: string, line: number) => ({
      kind: 'requires',
      key: 'Requires',
      target,
      service: target,
      resolved: true,
      wellKnown: false,
      relation: false,
      source: { tree: 't', path: 'x.container', line },
    });
    expect(
      sortByPlace([at('c', 9), at('a', 2), at('b', 9)]).map(d => d.target),
    ).toEqual(['a', 'c', 'b']);
  });
});
