import type { BoxTree, GuideFolder } from '@quadlet-portal/core';

/** The manifest `quadlet-portal docs` keeps in the folder it writes (packages/cli, docsFolder.ts). */
export const DOCS_MANIFEST = '.quadlet-portal-docs.json';
const GENERATOR = 'quadlet-portal docs';

/**
 * Folders of the trees that hold a guide written by `quadlet-portal docs`, found by its
 * manifest. The CLI leaves its own output folder out of the decision citations; the portal has
 * no output folder, so it leaves out every folder the CLI wrote, which gives the same guide
 * when a box commits its guide into one of its repositories.
 */
export function generatedFolders(trees: readonly BoxTree[]): GuideFolder[] {
  const folders: GuideFolder[] = [];
  for (const tree of trees) {
    for (const file of tree.files) {
      if (
        file.path !== DOCS_MANIFEST &&
        !file.path.endsWith(`/${DOCS_MANIFEST}`)
      )
        continue;
      const folder = file.path.slice(0, -DOCS_MANIFEST.length - 1);
      // The CLI refuses to write at a tree's root, so a manifest there is not its own.
      if (folder === '' || !writtenByTheCli(file.content)) continue;
      folders.push({ tree: tree.name, path: folder });
    }
  }
  return folders;
}

function writtenByTheCli(content: Buffer): boolean {
  try {
    const manifest = JSON.parse(content.toString('utf8'));
    return (
      manifest !== null &&
      typeof manifest === 'object' &&
      manifest.generator === GENERATOR
    );
  } catch {
    return false;
  }
}
