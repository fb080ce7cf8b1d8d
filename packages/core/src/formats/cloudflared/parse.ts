import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { parseYamlDocument, YamlDocument } from '../common/yamlDocument';

/** A parsed cloudflared `config.yml`. */
export interface CloudflaredDocument {
  yaml: YamlDocument;
  diagnostics: Diagnostic[];
}

/** Parses a cloudflared config. Never throws. */
export function parseCloudflared(file: SourceFile): CloudflaredDocument {
  const { yaml, diagnostics } = parseYamlDocument(file, {
    codePrefix: 'cloudflared',
    tool: 'cloudflared',
    // cloudflared reads its config with Go's yaml.v3, which refuses repeated keys.
    duplicateKeys: {
      severity: 'error',
      consequence: 'cloudflared refuses the file',
    },
  });
  return { yaml, diagnostics };
}
