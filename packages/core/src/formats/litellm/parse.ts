import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { parseYamlDocument, YamlDocument } from '../common/yamlDocument';

/** A parsed LiteLLM proxy config (`config.yaml` / `litellm.yaml`). */
export interface LiteLlmDocument {
  yaml: YamlDocument;
  diagnostics: Diagnostic[];
}

/** Parses a LiteLLM proxy config. Never throws. */
export function parseLiteLlm(file: SourceFile): LiteLlmDocument {
  const { yaml, diagnostics } = parseYamlDocument(file, {
    codePrefix: 'litellm',
    tool: 'LiteLLM',
    // LiteLLM loads YAML with PyYAML, which keeps the last of two equal keys without a word.
    duplicateKeys: {
      severity: 'warning',
      consequence: 'LiteLLM silently keeps only the last one',
    },
  });
  return { yaml, diagnostics };
}
