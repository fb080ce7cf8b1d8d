import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { YamlDocument } from './yamlDocument';
import { appendAll } from './appendAll';

/** One key of a mapping with its value node and the 1-based line of the key. */
export interface YamlEntry {
  key: string;
  value: Node | null;
  line: number;
}

/** Merge chains deeper than this are not followed; real configs use one or two levels. */
const MAX_MERGE_DEPTH = 8;

function isMergeKey(key: unknown): boolean {
  return (
    isScalar(key) && (typeof key.value === 'symbol' || key.source === '<<')
  );
}

/** Drops earlier occurrences of repeated keys, keeping the order of the survivors. */
function keepLast(entries: YamlEntry[]): YamlEntry[] {
  const lastIndex = new Map<string, number>();
  entries.forEach((entry, index) => lastIndex.set(entry.key, index));
  if (lastIndex.size === entries.length) return entries;
  return entries.filter((entry, index) => lastIndex.get(entry.key) === index);
}

/**
 * Typed, never-throwing reads from a YAML document: aliases are resolved, `<<` merge keys
 * are expanded (explicit keys win), wrong types read as undefined, and every node can
 * tell its line. Models use this instead of `toJS()` so that each fact keeps its line.
 */
export class YamlReader {
  /**
   * @param duplicates which of a repeated key counts: Go's yaml.v3 refuses the file anyway
   *   (`first` is as good as any), PyYAML keeps the `last`.
   */
  constructor(
    readonly yaml: YamlDocument,
    private readonly duplicates: 'first' | 'last' = 'first',
  ) {}

  /** 1-based line where `node` starts, 0 when it has no position. */
  line(node: unknown): number {
    const range = (
      node as { range?: [number, number, number] } | null | undefined
    )?.range;
    return range ? this.yaml.lineCounter.linePos(range[0]).line : 0;
  }

  /** The document's top-level node. */
  root(): Node | null {
    return this.resolve(this.yaml.document.contents);
  }

  /** Follows an alias to its anchor; other nodes come back as they are. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) {
      const target = node.resolve(this.yaml.document);
      return (target as Node | undefined) ?? null;
    }
    return (node as Node | null | undefined) ?? null;
  }

  isMap(node: unknown): node is YAMLMap {
    return isMap(this.resolve(node));
  }

  isSeq(node: unknown): node is YAMLSeq {
    return isSeq(this.resolve(node));
  }

  /** The keys of a mapping in order, merge keys expanded; [] when `node` is not a mapping. */
  entries(node: unknown): YamlEntry[] {
    return this.collectEntries(this.resolve(node), 0);
  }

  private collectEntries(node: Node | null, depth: number): YamlEntry[] {
    if (!isMap(node)) return [];
    const explicit: YamlEntry[] = [];
    const merged: YamlEntry[] = [];
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        if (depth >= MAX_MERGE_DEPTH) continue;
        const sources = this.resolve(pair.value);
        const list = isSeq(sources) ? sources.items : [sources];
        for (const source of list) {
          appendAll(
            merged,
            this.collectEntries(this.resolve(source), depth + 1),
          );
        }
        continue;
      }
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      explicit.push({
        key,
        value: (pair.value as Node | null) ?? null,
        line: this.line(pair.key),
      });
    }
    const own = this.duplicates === 'last' ? keepLast(explicit) : explicit;
    if (merged.length === 0) return own;
    const seen = new Set(own.map(entry => entry.key));
    const result = [...own];
    for (const entry of merged) {
      if (!seen.has(entry.key)) {
        seen.add(entry.key);
        result.push(entry);
      }
    }
    return result;
  }

  /** The entry named `key` in a mapping (the counting one when the key is repeated). */
  get(node: unknown, key: string): YamlEntry | undefined {
    return this.entries(node).find(entry => entry.key === key);
  }

  /** Items of a sequence, aliases resolved; [] when `node` is not a sequence. */
  items(node: unknown): Node[] {
    const resolved = this.resolve(node);
    if (!isSeq(resolved)) return [];
    return resolved.items
      .map(item => this.resolve(item))
      .filter((item): item is Node => item !== null);
  }

  /** A scalar's value as text (numbers and booleans as YAML wrote them); undefined otherwise. */
  text(node: unknown): string | undefined {
    const resolved = this.resolve(node);
    if (!isScalar(resolved)) return undefined;
    const value = (resolved as Scalar).value;
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      typeof value === 'bigint'
    ) {
      return resolved.source ?? String(value);
    }
    return undefined;
  }

  /** A scalar number, or a numeric string; undefined otherwise. */
  number(node: unknown): number | undefined {
    const resolved = this.resolve(node);
    if (!isScalar(resolved)) return undefined;
    const value = resolved.value;
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))
      return Number(value);
    return undefined;
  }

  /** A scalar boolean (`true`/`false`; YAML 1.1 `yes`/`no` too, as Go's yaml.v3 accepts them). */
  boolean(node: unknown): boolean | undefined {
    const resolved = this.resolve(node);
    if (!isScalar(resolved)) return undefined;
    const value = resolved.value;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === 'yes' || lower === 'on') return true;
      if (lower === 'false' || lower === 'no' || lower === 'off') return false;
    }
    return undefined;
  }

  /** Whether a value is present and not `null`/`~`/empty. */
  isSet(node: unknown): boolean {
    const resolved = this.resolve(node);
    if (resolved === null) return false;
    return !(
      isScalar(resolved) &&
      (resolved.value === null || resolved.value === undefined)
    );
  }

  /** Plain JavaScript for small free-form values (originRequest, metadata). */
  plain(node: unknown): unknown {
    const resolved = this.resolve(node);
    if (resolved === null) return null;
    try {
      return resolved.toJS(this.yaml.document, { maxAliasCount: 100 });
    } catch {
      return undefined;
    }
  }
}
