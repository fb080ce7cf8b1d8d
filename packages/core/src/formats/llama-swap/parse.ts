import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { parseYamlDocument, YamlDocument } from '../common/yamlDocument';

/** A parsed `llama-swap.yaml`: the comment-keeping YAML document and its syntax diagnostics. */
export interface LlamaSwapDocument {
  yaml: YamlDocument;
  diagnostics: Diagnostic[];
}

/** Parses `llama-swap.yaml`. Never throws. */
export function parseLlamaSwap(file: SourceFile): LlamaSwapDocument {
  const { yaml, diagnostics } = parseYamlDocument(file, {
    codePrefix: 'llama-swap',
    tool: 'llama-swap',
    // llama-swap loads its config with Go's yaml.v3, which refuses repeated keys.
    duplicateKeys: {
      severity: 'error',
      consequence: 'llama-swap refuses the file',
    },
    describeDuplicate: duplicate =>
      duplicate.path.length === 1 && duplicate.path[0] === 'models'
        ? {
            code: 'duplicate-model-id',
            message: `model "${duplicate.key}" is already defined on line ${duplicate.firstLine}; llama-swap refuses the file`,
          }
        : undefined,
  });
  return { yaml, diagnostics };
}
