/**
 * Where a secret comes from, never the secret itself: the name of an environment variable,
 * a template that renders it (chezmoi `{{ … }}`, `${VAR}`), or the fact that a literal value
 * was written in the file (which deserves a warning).
 */
export type SecretRef =
  | { kind: 'env'; name: string; line: number }
  | { kind: 'template'; line: number }
  | { kind: 'literal'; line: number };
