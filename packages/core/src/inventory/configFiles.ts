import { isCaddyfileName } from '../formats/caddy';
import { envFileKind } from '../formats/env-template';
import { baseName, dirName } from '../unit';
import type { TreeFile, TreeIndex } from './treeIndex';

export type ConfigKind =
  | 'llama-swap'
  | 'litellm'
  | 'cloudflared'
  | 'caddy'
  | 'kargs'
  | 'mkosi'
  | 'distrobox'
  | 'env'
  | 'decisions';

export interface ConfigFile {
  kind: ConfigKind;
  tree: TreeIndex;
  file: TreeFile;
}

const YAML = /\.ya?ml$/;

/**
 * Which parser reads which file. Names decide first (`llama-swap.yaml`, `Caddyfile`,
 * `kargs.d/*.toml`, `mkosi.conf`, `distrobox*.ini`); YAML files with a neutral name
 * (`config.yaml`) are recognised by their top-level keys, read from the first lines only.
 */
export function configKindOf(
  tree: TreeIndex,
  file: TreeFile,
): ConfigKind | undefined {
  const path = file.target ?? file.path;
  const name = baseName(path);
  const folder = baseName(dirName(path));
  if (isCaddyfileName(path)) return 'caddy';
  if (folder === 'kargs.d' && name.endsWith('.toml')) return 'kargs';
  if (
    name === 'mkosi.conf' ||
    (folder === 'mkosi.conf.d' && name.endsWith('.conf'))
  )
    return 'mkosi';
  if (name.endsWith('.ini') && /distrobox/.test(path)) return 'distrobox';
  if (envFileKind(file.path) !== null) return 'env';
  if (YAML.test(name)) {
    if (/^llama-swap/.test(name) || folder === 'llama-swap')
      return sniffYaml(tree, file) ?? 'llama-swap';
    if (/litellm/.test(name) || folder === 'litellm' || folder === '.litellm')
      return sniffYaml(tree, file) ?? 'litellm';
    if (folder === 'cloudflared' || folder === '.cloudflared')
      return sniffYaml(tree, file) ?? 'cloudflared';
    return sniffYaml(tree, file);
  }
  return undefined;
}

/** Top-level keys that only one of the YAML formats has. */
function sniffYaml(tree: TreeIndex, file: TreeFile): ConfigKind | undefined {
  if (file.source.content.length > 4 * 1024 * 1024) return undefined;
  const text = tree.text(file);
  if (/^model_list\s*:/m.test(text)) return 'litellm';
  if (
    /^ingress\s*:/m.test(text) &&
    /^\s*-\s*(hostname|service)\s*:/m.test(text)
  )
    return 'cloudflared';
  if (/^models\s*:/m.test(text) && /^\s+cmd\s*:/m.test(text))
    return 'llama-swap';
  return undefined;
}
