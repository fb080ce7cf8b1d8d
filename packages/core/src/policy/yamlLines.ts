import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

export type YamlPath = readonly (string | number)[];

/**
 * The 1-based line of what `path` names in a YAML document: a mapping key's own line (so a
 * diagnostic points at the offending key, not at its value), a list item's line. Where the
 * path leaves the document (a required key that is missing) it is the line of the deepest
 * node that exists, i.e. the mapping that lacks the key.
 */
export function lineOfPath(
  document: Document,
  lineCounter: LineCounter,
  path: YamlPath,
): number {
  const lineOf = (node: unknown): number | undefined => {
    const range = (
      node as { range?: [number, number, number] } | null | undefined
    )?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  let node: unknown = document.contents;
  let line = lineOf(node) ?? 1;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        p => isScalar(p.key) && String(p.key.value) === String(step),
      );
      if (!pair) break;
      line = lineOf(pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) break;
      line = lineOf(item) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** `waivers[2].expires`, `kernelArgs.required[0]`. */
export function pathText(path: YamlPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text === '' ? step : `.${step}`;
  }
  return text === '' ? '(top level)' : text;
}
