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
  /** `find` answers by `acceptKey` and the folders that apply. */
  private readonly answers = new Map<string, DropInFile[]>();

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
   * `acceptKey` names `accept` (calls with the same key must pass the same function): answers
   * are then remembered, and units with the same applicable folders get the same list.
   */
  find(
    unitFileName: string,
    accept: (parent: string) => boolean,
    acceptKey?: string,
  ): DropInFile[] {
    if (this.parentsByFolderName.size === 0) return [];
    // The answer depends only on which folders apply (and on `accept`): units that share
    // them (every unit of a directory that only has `container.d/`) share one answer.
    const folders = dropInDirectoryNames(unitFileName).filter(folder =>
      this.parentsByFolderName.has(folder),
    );
    if (folders.length === 0) return [];
    const key =
      acceptKey === undefined ? undefined : [acceptKey, ...folders].join('\0');
    const known = key === undefined ? undefined : this.answers.get(key);
    if (known) return known;
    const parents = new Set<string>();
    for (const folder of folders) {
      for (const parent of this.parentsByFolderName.get(folder)!) {
        if (accept(parent)) parents.add(parent);
      }
    }
    const found =
      parents.size === 0
        ? []
        : findDropIns(
            unitFileName,
            this.index,
            [...parents].sort(
              (a, b) =>
                (this.walkOrder.get(a) ?? 0) - (this.walkOrder.get(b) ?? 0),
            ),
          );
    if (key !== undefined) this.answers.set(key, found);
    return found;
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
