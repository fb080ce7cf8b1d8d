import type { Diagnostic } from '../diagnostic';
import { readDistrobox } from '../formats/distrobox';
import type { ConfigFile } from './configFiles';
import { imageFactOf } from './imageFact';
import type { Distrobox } from './types';

/** Containers of `distrobox-assemble` manifests, in file order. */
export function readDistroboxes(configs: readonly ConfigFile[]): {
  distroboxes: Distrobox[];
  diagnostics: (Diagnostic & { tree: string })[];
} {
  const distroboxes: Distrobox[] = [];
  const diagnostics: (Diagnostic & { tree: string })[] = [];
  for (const { tree, file } of configs.filter(c => c.kind === 'distrobox')) {
    const { manifest, diagnostics: found } = readDistrobox({
      path: file.path,
      content: file.source.content,
    });
    diagnostics.push(...found.map(d => ({ ...d, tree: tree.name })));
    for (const box of manifest.containers) {
      const entry: Distrobox = {
        name: box.name,
        packages: box.packages.map(p => p.value),
        volumes: box.volumes.map(v => v.spec),
        source: {
          tree: tree.name,
          path: file.path,
          line: Math.max(1, box.line),
        },
      };
      if (box.image)
        entry.image = imageFactOf(box.image.text, {
          tree: tree.name,
          path: file.path,
          line: Math.max(1, box.image.line),
        });
      if (box.startNow !== undefined) entry.startNow = box.startNow;
      if (box.init !== undefined) entry.init = box.init;
      distroboxes.push(entry);
    }
  }
  return { distroboxes, diagnostics };
}
