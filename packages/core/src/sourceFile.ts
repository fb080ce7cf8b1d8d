/**
 * A file as read from a box repository: its path inside the tree (POSIX separators,
 * no leading slash) and its exact bytes. Parsers take text decoded from these bytes;
 * nothing in the core reads the disk except `inventory/readDirectory.ts`.
 */
export interface SourceFile {
  path: string;
  content: Buffer;
}

/** Decodes as UTF-8 and keeps a BOM, so that writers can give back the same bytes. */
export function textOf(file: SourceFile): string {
  return file.content.toString('utf8');
}
