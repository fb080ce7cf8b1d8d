/**
 * Source-state names, decoded the way chezmoi's `parseDirAttr` / `parseFileAttr` do:
 * prefixes are peeled in a fixed order (a prefix out of order is part of the name),
 * `literal_` stops the peeling, `.literal` stops the suffix peeling.
 */

export interface ChezmoiDirAttributes {
  targetName: string;
  remove: boolean;
  external: boolean;
  exact: boolean;
  private: boolean;
  readonly: boolean;
}

export type ChezmoiFileType =
  | 'file'
  | 'create'
  | 'modify'
  | 'remove'
  | 'script'
  | 'symlink';

export interface ChezmoiFileAttributes {
  targetName: string;
  type: ChezmoiFileType;
  /** For scripts: `always` (run_), `once` (run_once_), `onchange` (run_onchange_). */
  condition: 'always' | 'once' | 'onchange' | null;
  /** For scripts: before_ / after_ the files are written. */
  order: 'before' | 'during' | 'after';
  empty: boolean;
  encrypted: boolean;
  executable: boolean;
  private: boolean;
  readonly: boolean;
  template: boolean;
}

function cut(name: string, prefix: string): [string, boolean] {
  return name.startsWith(prefix)
    ? [name.slice(prefix.length), true]
    : [name, false];
}

function dotOrLiteral(name: string): string {
  if (name.startsWith('dot_')) return `.${name.slice('dot_'.length)}`;
  if (name.startsWith('literal_')) return name.slice('literal_'.length);
  return name;
}

export function parseDirName(sourceName: string): ChezmoiDirAttributes {
  const [afterRemove, remove] = cut(sourceName, 'remove_');
  const [afterExternal, external] = cut(afterRemove, 'external_');
  const [afterExact, exact] = cut(afterExternal, 'exact_');
  const [afterPrivate, isPrivate] = cut(afterExact, 'private_');
  const [name, readonly] = cut(afterPrivate, 'readonly_');
  return {
    targetName: dotOrLiteral(name),
    remove,
    external,
    exact,
    private: isPrivate,
    readonly,
  };
}

/** Suffixes of encrypted files: `.age` with age, `.asc` with gpg (chezmoi's defaults). */
const ENCRYPTED_SUFFIXES = ['.age', '.asc'];

export function parseFileName(sourceName: string): ChezmoiFileAttributes {
  let name = sourceName;
  let type: ChezmoiFileType = 'file';
  let condition: ChezmoiFileAttributes['condition'] = null;
  let order: ChezmoiFileAttributes['order'] = 'during';
  let empty = false;
  let encrypted = false;
  let executable = false;
  let isPrivate = false;
  let readonly = false;
  let template = false;
  let found: boolean;

  if (name.startsWith('create_')) {
    type = 'create';
    name = name.slice('create_'.length);
    [name, encrypted] = cut(name, 'encrypted_');
    [name, isPrivate] = cut(name, 'private_');
    [name, readonly] = cut(name, 'readonly_');
    [name, empty] = cut(name, 'empty_');
    [name, executable] = cut(name, 'executable_');
  } else if (name.startsWith('remove_')) {
    type = 'remove';
    name = name.slice('remove_'.length);
  } else if (name.startsWith('run_')) {
    type = 'script';
    name = name.slice('run_'.length);
    condition = 'always';
    [name, found] = cut(name, 'once_');
    if (found) condition = 'once';
    else {
      [name, found] = cut(name, 'onchange_');
      if (found) condition = 'onchange';
    }
    [name, found] = cut(name, 'before_');
    if (found) order = 'before';
    else {
      [name, found] = cut(name, 'after_');
      if (found) order = 'after';
    }
  } else if (name.startsWith('symlink_')) {
    type = 'symlink';
    name = name.slice('symlink_'.length);
  } else if (name.startsWith('modify_')) {
    type = 'modify';
    name = name.slice('modify_'.length);
    [name, encrypted] = cut(name, 'encrypted_');
    [name, isPrivate] = cut(name, 'private_');
    [name, readonly] = cut(name, 'readonly_');
    [name, executable] = cut(name, 'executable_');
  } else {
    [name, encrypted] = cut(name, 'encrypted_');
    [name, isPrivate] = cut(name, 'private_');
    [name, readonly] = cut(name, 'readonly_');
    [name, empty] = cut(name, 'empty_');
    [name, executable] = cut(name, 'executable_');
  }
  name = dotOrLiteral(name);
  if (encrypted) {
    const suffix = ENCRYPTED_SUFFIXES.find(s => name.endsWith(s));
    if (suffix) name = name.slice(0, -suffix.length);
  }
  if (name.endsWith('.literal')) {
    name = name.slice(0, -'.literal'.length);
  } else if (name.endsWith('.tmpl')) {
    name = name.slice(0, -'.tmpl'.length);
    template = true;
    if (name.endsWith('.literal')) name = name.slice(0, -'.literal'.length);
  }
  return {
    targetName: name,
    type,
    condition,
    order,
    empty,
    encrypted,
    executable,
    private: isPrivate,
    readonly,
    template,
  };
}
