/** How bad a problem is. `error` means the tool it feeds (podman, systemd, llama-swap…) would refuse it. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in one file, always with a 1-based line so people can jump to it. */
export interface Diagnostic {
  /** Path of the file, relative to the root of the tree it was read from. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `unit/unknown-key`. */
  code: string;
  message: string;
  /** The tree (repository) the file belongs to, when several are read together (the Inventory sets it). */
  tree?: string;
}

export function diagnostic(
  file: string,
  line: number,
  severity: Severity,
  code: string,
  message: string,
): Diagnostic {
  return { file, line, severity, code, message };
}
