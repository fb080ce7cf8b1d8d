import { chezmoiSourceReader, parseChezmoiRoot } from '../formats/chezmoi';
import type { CommitRecord } from '../formats/decisions';
import type { SourceFile } from '../sourceFile';
import { compare } from './compare';
import { osTargetOf } from './targetPath';
import { detectTreeRole, isChezmoiLooking } from './treeRole';
import type { BoxLink, BoxTree, TreeRole } from './types';

/** chezmoi's reading of a source file name. */
export interface ChezmoiFacts {
  template: boolean;
  private: boolean;
  executable: boolean;
  readonly: boolean;
  encrypted: boolean;
  /** `file`, `create`, `modify`, `symlink`, `remove`, `script`. */
  kind: string;
}

/** One file of a tree, with where it lands on the box. */
export interface TreeFile {
  tree: string;
  /** Path in the repository (POSIX, relative to the tree root). */
  path: string;
  /** Where it lands: home-relative for dotfiles (`.config/x`), absolute for OS files (`/usr/x`). */
  target?: string;
  chezmoi?: ChezmoiFacts;
  source: SourceFile;
}

/**
 * A tree's files indexed once by path and target, so every later lookup is a map access
 * (20,000 units must not mean 20,000 scans of the tree).
 */
export class TreeIndex {
  readonly name: string;
  readonly role: TreeRole | 'other';
  readonly roleFrom: string;
  /** The chezmoi source directory, when the tree is a chezmoi source. */
  readonly chezmoiRoot?: string;
  readonly files: TreeFile[];
  readonly byPath = new Map<string, TreeFile>();
  readonly byTarget = new Map<string, TreeFile>();
  readonly commits: CommitRecord[];
  readonly links: BoxLink[];
  readonly location?: string;
  readonly bytes: number;
  private readonly texts = new Map<string, string>();

  constructor(tree: BoxTree) {
    this.name = tree.name;
    const detected = tree.role
      ? { role: tree.role, from: 'given' }
      : detectTreeRole(tree.files);
    this.role = detected.role;
    this.roleFrom = detected.from;
    this.commits = tree.commits ?? [];
    this.links = (tree.links ?? [])
      .slice()
      .sort((a, b) => compare(a.path, b.path));
    this.location = tree.location;

    const sorted = tree.files.slice().sort((a, b) => compare(a.path, b.path));
    const rootFile = sorted.find(f => f.path === '.chezmoiroot');
    const usesChezmoi =
      this.role === 'dotfiles' &&
      (rootFile !== undefined || sorted.some(f => isChezmoiLooking(f.path)));
    if (usesChezmoi)
      this.chezmoiRoot = rootFile
        ? parseChezmoiRoot(rootFile.content.toString('utf8'))
        : '';

    const chezmoiEntry =
      this.chezmoiRoot !== undefined
        ? chezmoiSourceReader(this.chezmoiRoot)
        : undefined;
    let bytes = 0;
    this.files = [];
    for (const source of sorted) {
      if (this.byPath.has(source.path)) continue;
      bytes += source.content.length;
      const file = this.describe(source, chezmoiEntry);
      this.files.push(file);
      this.byPath.set(file.path, file);
      if (file.target !== undefined && !this.byTarget.has(file.target))
        this.byTarget.set(file.target, file);
    }
    this.bytes = bytes;
  }

  private describe(
    source: SourceFile,
    chezmoiEntry: ReturnType<typeof chezmoiSourceReader> | undefined,
  ): TreeFile {
    const file: TreeFile = { tree: this.name, path: source.path, source };
    if (chezmoiEntry) {
      const entry = chezmoiEntry(source.path);
      if (entry.targetPath !== null && entry.attributes) {
        file.target = entry.targetPath;
        file.chezmoi = {
          template: entry.template,
          private: entry.attributes.private,
          executable: entry.attributes.executable,
          readonly: entry.attributes.readonly,
          encrypted: entry.attributes.encrypted,
          kind: entry.kind,
        };
      }
    } else if (this.role === 'os') {
      file.target = osTargetOf(source.path);
    } else if (this.role === 'dotfiles') {
      // A plain (stow-like) home tree: files land where they sit.
      file.target = source.path;
    }
    return file;
  }

  /** UTF-8 text of a file, decoded once. */
  text(file: TreeFile): string {
    let text = this.texts.get(file.path);
    if (text === undefined) {
      text = file.source.content.toString('utf8');
      this.texts.set(file.path, text);
    }
    return text;
  }
}
