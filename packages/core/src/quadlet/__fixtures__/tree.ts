import type { SourceFile } from '../../sourceFile';

/** Builds source files from `path → text`. */
export function tree(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([path, text]) => ({
    path,
    content: Buffer.from(text, 'utf8'),
  }));
}
