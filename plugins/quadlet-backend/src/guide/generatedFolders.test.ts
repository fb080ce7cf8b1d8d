import type { BoxTree } from '@quadlet-portal/core';
import { generatedFolders } from './generatedFolders';

const manifest = (generator: string) =>
  Buffer.from(
    JSON.stringify({ generator, box: 'sodimo', files: ['README.md'] }),
  );

function tree(name: string, files: Record<string, Buffer>): BoxTree {
  return {
    name,
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
  };
}

describe('generatedFolders', () => {
  it('finds the folders `quadlet-portal docs` wrote, by their manifest', () => {
    expect(
      generatedFolders([
        tree('dotfiles', {
          'docs/handoff/.quadlet-portal-docs.json': manifest(
            'quadlet-portal docs',
          ),
          'docs/handoff/README.md': Buffer.from('# sodimo'),
          'other/.quadlet-portal-docs.json': manifest('something else'),
          'broken/.quadlet-portal-docs.json': Buffer.from('{'),
        }),
        tree('harness', {
          '.quadlet-portal-docs.json': manifest('quadlet-portal docs'),
          'guide/.quadlet-portal-docs.json': manifest('quadlet-portal docs'),
          'guide/not-a.quadlet-portal-docs.json': manifest(
            'quadlet-portal docs',
          ),
        }),
      ]),
    ).toEqual([
      { tree: 'dotfiles', path: 'docs/handoff' },
      { tree: 'harness', path: 'guide' },
    ]);
  });
});
