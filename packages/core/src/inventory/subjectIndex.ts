import type { InventoryDecisionCitation } from './types';

export type Subject = InventoryDecisionCitation['subjects'][number];

/**
 * What a place in a file belongs to, for attaching decision citations: a whole file (a unit,
 * a Caddy route file, a kargs file) or the entry whose block holds a line (a llama-swap model,
 * a LiteLLM deployment, a cloudflared rule).
 */
export class SubjectIndex {
  private readonly whole = new Map<string, Map<string, Subject>>();
  private readonly blocks = new Map<
    string,
    { line: number; subject: Subject }[]
  >();
  private sorted = true;

  /**
   * `wanted`: the files whose subjects will be asked for (those citing a decision); the
   * others are not indexed. Without it, every file is.
   */
  constructor(
    private readonly wanted?: (tree: string, path: string) => boolean,
  ) {}

  private static key(tree: string, path: string): string {
    return `${tree}\0${path}`;
  }

  /** Whether `addFile`/`addBlock` for this file would be kept. */
  wants(tree: string, path: string): boolean {
    return this.wanted === undefined || this.wanted(tree, path);
  }

  addFile(tree: string, path: string, subject: Subject): void {
    if (!this.wants(tree, path)) return;
    const key = SubjectIndex.key(tree, path);
    let subjects = this.whole.get(key);
    if (!subjects) this.whole.set(key, (subjects = new Map()));
    // A type-wide drop-in (`container.d/`) belongs to every unit: keyed, so adding stays O(1).
    subjects.set(`${subject.kind}\0${subject.id}`, subject);
  }

  /** A block starting at `line` that runs until the next block of the same file. */
  addBlock(tree: string, path: string, line: number, subject: Subject): void {
    if (!this.wants(tree, path)) return;
    const key = SubjectIndex.key(tree, path);
    const list = this.blocks.get(key);
    if (list) list.push({ line, subject });
    else this.blocks.set(key, [{ line, subject }]);
    this.sorted = false;
  }

  subjectsAt(tree: string, path: string, line: number): Subject[] {
    if (!this.sorted) {
      for (const list of this.blocks.values())
        list.sort((a, b) => a.line - b.line);
      this.sorted = true;
    }
    const key = SubjectIndex.key(tree, path);
    const out = [...(this.whole.get(key)?.values() ?? [])];
    const blocks = this.blocks.get(key);
    if (blocks) {
      let start = -1;
      for (const block of blocks) {
        if (block.line > line) break;
        start = block.line;
      }
      for (const block of blocks) {
        if (
          block.line === start &&
          !out.some(
            s => s.kind === block.subject.kind && s.id === block.subject.id,
          )
        )
          out.push(block.subject);
      }
    }
    return out;
  }
}
