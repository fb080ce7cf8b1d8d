import type { Entity } from '@backstage/catalog-model';
import {
  parseSourceAnnotation,
  withLocationAnnotations,
  type TreeLocation,
} from './locationAnnotations';

const trees: TreeLocation[] = [
  {
    name: 'dotfiles',
    source: {
      type: 'url',
      url: 'https://github.com/sodimo/dotfiles/tree/main',
    },
    webBase: 'https://github.com/sodimo/dotfiles/blob/main/',
  },
  {
    name: 'harness',
    source: { type: 'directory', path: '/srv/boxes/harness' },
  },
];

const entity = (source?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'piler',
    namespace: 'sodimo',
    annotations: source ? { 'quadlet-portal.io/source': source } : {},
  },
  spec: {},
});

describe('withLocationAnnotations', () => {
  it('points managed-by-location at the file on GitHub and the origin at the first tree', () => {
    const annotated = withLocationAnnotations(
      entity('dotfiles:home/dot_config/containers/systemd/piler.container:1'),
      trees,
    );
    expect(annotated.metadata.annotations).toEqual({
      'quadlet-portal.io/source':
        'dotfiles:home/dot_config/containers/systemd/piler.container:1',
      'backstage.io/managed-by-location':
        'url:https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container',
      'backstage.io/managed-by-origin-location':
        'url:https://github.com/sodimo/dotfiles/tree/main',
    });
  });

  it('uses file: for a local tree', () => {
    const annotated = withLocationAnnotations(
      entity('harness:mkosi.conf:8'),
      trees,
    );
    expect(
      annotated.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe('file:/srv/boxes/harness/mkosi.conf');
  });

  it('falls back to the first tree for entities without a source file (the System)', () => {
    const annotated = withLocationAnnotations(entity(), trees);
    expect(
      annotated.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe('url:https://github.com/sodimo/dotfiles/tree/main');
  });
});

describe('parseSourceAnnotation', () => {
  it('splits tree and path and drops the line', () => {
    expect(parseSourceAnnotation('dotfiles:a/b.container:12')).toEqual({
      tree: 'dotfiles',
      path: 'a/b.container',
    });
    expect(parseSourceAnnotation('harness:docs/decisions.md')).toEqual({
      tree: 'harness',
      path: 'docs/decisions.md',
    });
    expect(parseSourceAnnotation('no-colon')).toBeUndefined();
    expect(parseSourceAnnotation(undefined)).toBeUndefined();
  });
});
