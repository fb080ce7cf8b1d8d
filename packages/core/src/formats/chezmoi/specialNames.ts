/** chezmoi's own files and folders in a source tree (names starting with `.chezmoi`). */
export type ChezmoiSpecialKind =
  | 'root'
  | 'ignore'
  | 'remove'
  | 'version'
  | 'data'
  | 'external'
  | 'templates'
  | 'scripts'
  | 'config-template'
  | 'other';

const DATA_FORMATS = '(?:json|jsonc|toml|yaml)';
const SPECIAL_FILES: [RegExp, ChezmoiSpecialKind][] = [
  [/^\.chezmoiroot$/, 'root'],
  [/^\.chezmoiignore(?:\.tmpl)?$/, 'ignore'],
  [/^\.chezmoiremove(?:\.tmpl)?$/, 'remove'],
  [/^\.chezmoiversion$/, 'version'],
  [new RegExp(`^\\.chezmoidata\\.${DATA_FORMATS}$`), 'data'],
  [
    new RegExp(`^\\.chezmoiexternal\\.${DATA_FORMATS}(?:\\.tmpl)?$`),
    'external',
  ],
  [new RegExp(`^\\.chezmoi\\.${DATA_FORMATS}\\.tmpl$`), 'config-template'],
];
const SPECIAL_DIRS: Record<string, ChezmoiSpecialKind> = {
  '.chezmoidata': 'data',
  '.chezmoiexternals': 'external',
  '.chezmoitemplates': 'templates',
  '.chezmoiscripts': 'scripts',
};

/** Kind of a special file name, or null when the name is not chezmoi's. */
export function specialFileKind(name: string): ChezmoiSpecialKind | null {
  if (!name.startsWith('.chezmoi')) return null;
  for (const [pattern, kind] of SPECIAL_FILES)
    if (pattern.test(name)) return kind;
  return 'other';
}

/** Kind of a special folder name, or null. */
export function specialDirKind(name: string): ChezmoiSpecialKind | null {
  return SPECIAL_DIRS[name] ?? null;
}
