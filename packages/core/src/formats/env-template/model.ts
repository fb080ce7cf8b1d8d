import type { Diagnostic } from '../../diagnostic';
import type { EnvDocument, EnvFileKind } from './parse';
import type { EnvValueSource } from './secretManager';
import { looksLikeSecretName } from '../common/secretNames';

/** A variable of an env file: its name and facts about its value, never the value. */
export interface EnvVariable {
  name: string;
  file: string;
  line: number;
  exported: boolean;
  /** A non-empty value follows `=` (or a template fills it in). */
  hasValue: boolean;
  /** Bare `NAME`: podman copies the value from its own environment. */
  inherited: boolean;
  source: EnvValueSource | null;
  secretManager: string | null;
  /** Only some machines render it (inside `{{ if … }}`). */
  conditional: boolean;
  /** The name says it holds a secret (`*_KEY`, `*_TOKEN`, `*PASSWORD*`…). */
  secretLike: boolean;
}

export interface EnvFileModel {
  file: string;
  kind: EnvFileKind;
  variables: EnvVariable[];
  /** Each name once, in order of first appearance. */
  names: string[];
  diagnostics: Diagnostic[];
}

export function modelEnvFile(doc: EnvDocument): EnvFileModel {
  const variables = doc.assignments.map(a => ({
    name: a.name,
    file: doc.file,
    line: a.line,
    exported: a.exported,
    hasValue: a.value === 'set',
    inherited: a.value === 'inherited',
    source: a.source,
    secretManager: a.secretManager,
    conditional: a.conditional,
    secretLike: looksLikeSecretName(a.name),
  }));
  return {
    file: doc.file,
    kind: doc.kind,
    variables,
    names: [...new Set(variables.map(v => v.name))],
    diagnostics: doc.diagnostics,
  };
}
