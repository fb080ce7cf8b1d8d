import {
  baseName,
  dirName,
  dropInDirectoryNames,
  findDropIns,
  indexPaths,
  type DropInFile,
  type FileIndex,
} from '../unit';

/**
 * Finds the drop-ins of a unit without visiting every folder: drop-in folders are indexed
 * by their name once, so a unit only looks at the few folders whose name can apply to it
 * (`foo.container.d`, `foo-.container.d`, `container.d`…), then lets the unit module merge
 * them in podman's order.
 */
export class DropInIndex {
  private readonly index: FileIndex;
  private readonly parentsByFolderName = new Map<string, string[]>();
  private readonly walkOrder = new Map<string, number>();

  constructor(dropInPaths: Iterable<string>) {
    this.index = indexPaths(dropInPaths);
    this.index.directories.forEach((dir, i) => this.walkOrder.set(dir, i));
    for (const dir of this.index.directories) {
      const name = baseName(dir);
      if (!name.endsWith('.d') || !this.index.filesByDirectory.has(dir))
        continue;
      const list = this.parentsByFolderName.get(name);
      if (list) list.push(dirName(dir));
      else this.parentsByFolderName.set(name, [dirName(dir)]);
    }
  }

  /**
   * Drop-ins of `unitFileName` found in folders whose parent passes `accept` (the search
   * directories of the unit), most specific folder first per file name, merged alphabetically.
   */
  find(
    unitFileName: string,
    accept: (parent: string) => boolean,
  ): DropInFile[] {
    if (this.parentsByFolderName.size === 0) return [];
    const parents = new Set<string>();
    for (const folder of dropInDirectoryNames(unitFileName)) {
      for (const parent of this.parentsByFolderName.get(folder) ?? []) {
        if (accept(parent)) parents.add(parent);
      }
    }
    if (parents.size === 0) return [];
    const ordered = [...parents].sort(
      (a, b) => (this.walkOrder.get(a) ?? 0) - (this.walkOrder.get(b) ?? 0),
    );
    return findDropIns(unitFileName, this.index, ordered);
  }

  /** Drop-in folders (with their parent) that hold `*.conf` files, for orphan reports. */
  folders(): { parent: string; name: string; files: string[] }[] {
    const out: { parent: string; name: string; files: string[] }[] = [];
    for (const [name, parents] of this.parentsByFolderName) {
      for (const parent of parents) {
        const dir = parent === '' ? name : `${parent}/${name}`;
        out.push({
          parent,
          name,
          files: (this.index.filesByDirectory.get(dir) ?? []).filter(f =>
            f.endsWith('.conf'),
          ),
        });
      }
    }
    return out;
  }
}
