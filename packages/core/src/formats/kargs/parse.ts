import { parse, TomlError, TomlTable } from 'smol-toml';
import { Diagnostic, diagnostic } from '../../diagnostic';
import { SourceFile, textOf } from '../../sourceFile';

/**
 * A parsed bootc `kargs.d/*.toml` file: the TOML table (absent when the TOML is broken)
 * and the text, kept because the comments above each entry are its rationale.
 */
export interface KargsDocument {
  file: string;
  text: string;
  data?: TomlTable;
  diagnostics: Diagnostic[];
}

/** Parses a kargs.d file. Never throws; TOML errors carry the line smol-toml reports. */
export function parseKargs(file: SourceFile): KargsDocument {
  const text = textOf(file).replace(/^\uFEFF/, '');
  const diagnostics: Diagnostic[] = [];
  if (!file.path.endsWith('.toml')) {
    diagnostics.push(
      diagnostic(
        file.path,
        0,
        'warning',
        'kargs/ignored-file',
        'bootc only reads files ending in .toml from kargs.d; this one is ignored',
      ),
    );
  }
  try {
    return { file: file.path, text, data: parse(text), diagnostics };
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 0;
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    diagnostics.push(
      diagnostic(
        file.path,
        line,
        'error',
        'kargs/toml-syntax',
        `bootc cannot read this TOML: ${message.replace(
          /^Invalid TOML document: /,
          '',
        )}`,
      ),
    );
    return { file: file.path, text, diagnostics };
  }
}
