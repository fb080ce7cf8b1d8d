import { dirName } from '../unit';
import { targetOfWrittenPath } from './targetPath';
import type { TreeFile, TreeIndex } from './treeIndex';

/**
 * Box-wide lookups of files by where they land: `%h/…` paths in the home trees (dotfiles,
 * or trees of no known role), absolute paths in the OS trees. Each lookup is a map access.
 */
export class BoxFiles {
  private readonly dirsByTree = new Map<string, Map<string, string>>();
  private readonly homeTrees: TreeIndex[];
  private readonly osTrees: TreeIndex[];

  constructor(readonly trees: readonly TreeIndex[]) {
    this.homeTrees = trees.filter(t => t.role !== 'os');
    this.osTrees = trees.filter(t => t.role === 'os');
  }

  private treesFor(home: boolean): TreeIndex[] {
    return home ? this.homeTrees : this.osTrees;
  }

  /** The file behind a target (`.config/x` when `home`, `/etc/x` otherwise). */
  file(target: string, home: boolean): TreeFile | undefined {
    for (const tree of this.treesFor(home)) {
      const found = tree.byTarget.get(target);
      if (found) return found;
    }
    return undefined;
  }

  /** A tree that has files under the target folder. */
  directory(target: string, home: boolean): TreeIndex | undefined {
    for (const tree of this.treesFor(home)) {
      if (this.targetDirs(tree).has(target)) return tree;
    }
    return undefined;
  }

  /** Resolves a path written in a unit (`%h/.config/caddy/Caddyfile`) to a repository file or folder. */
  resolveWritten(written: string):
    | {
        target: string;
        home: boolean;
        file?: TreeFile;
        directory?: { tree: string; path: string };
      }
    | undefined {
    const located = targetOfWrittenPath(written);
    if (!located) return undefined;
    const file = this.file(located.target, located.home);
    if (file) return { ...located, file };
    const tree = this.directory(located.target, located.home);
    if (tree)
      return {
        ...located,
        directory: {
          tree: tree.name,
          path: this.targetDirs(tree).get(located.target)!,
        },
      };
    return located;
  }

  /** Target folder → repository folder, computed once per tree by walking up from every file. */
  private targetDirs(tree: TreeIndex): Map<string, string> {
    let dirs = this.dirsByTree.get(tree.name);
    if (!dirs) {
      dirs = new Map();
      for (const [target, file] of tree.byTarget) {
        let source = dirName(file.path);
        for (
          let d = dirName(target);
          d !== '' && d !== '/' && !dirs.has(d);
          d = dirName(d)
        ) {
          dirs.set(d, source);
          source = dirName(source);
        }
      }
      this.dirsByTree.set(tree.name, dirs);
    }
    return dirs;
  }
}
