import { posix } from 'node:path';
import { globToRegExp } from '../common/glob';
import { neutraliseTemplate } from './neutralise';
import { conditionalDepthChange } from './templateSpans';

/** One pattern line of a `.chezmoiignore`. */
export interface ChezmoiIgnorePattern {
  file: string;
  line: number;
  /** The pattern joined to the target folder of the ignore file, as chezmoi matches it. */
  pattern: string;
  /** `!pattern`: never ignore what it matches, whatever other lines say. */
  negated: boolean;
  /**
   * The line sits inside a template conditional (`{{ if … }}`) or holds template markup,
   * so whether it applies depends on the machine: answers built on it say "maybe".
   */
  conditional: boolean;
}

export type IgnoreStatus = 'managed' | 'ignored' | 'maybe-ignored';

interface CompiledPattern extends ChezmoiIgnorePattern {
  regexp: RegExp;
}

/**
 * Reads a `.chezmoiignore`. chezmoi always renders it as a template first; here actions
 * alone on a line count as control flow and inline actions become `*`, so a templated
 * pattern matches conservatively. `#` starts a comment at the start or after a blank.
 * `targetDir` is the target folder of the ignore file (`''` at the source root).
 */
export function parseChezmoiIgnore(
  file: string,
  text: string,
  targetDir = '',
): ChezmoiIgnorePattern[] {
  const { text: plain, spans } = neutraliseTemplate(
    text.replace(/^\ufeff/, ''),
    { replacement: '*' },
  );
  const depthChange = new Map<number, number>();
  const markedLines = new Set<number>();
  for (const span of spans) {
    const delta = conditionalDepthChange(span.action);
    if (delta !== 0)
      depthChange.set(span.line, (depthChange.get(span.line) ?? 0) + delta);
    for (let l = span.line; l <= span.endLine; l++) markedLines.add(l);
  }
  const patterns: ChezmoiIgnorePattern[] = [];
  let depth = 0;
  plain.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const depthBefore = depth;
    depth = Math.max(0, depth + (depthChange.get(line) ?? 0));
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (content === '') return;
    const negated = content.startsWith('!');
    const body = negated ? content.slice(1) : content;
    patterns.push({
      file,
      line,
      pattern: targetDir === '' ? body : posix.join(targetDir, body),
      negated,
      conditional: depthBefore > 0 || depth > 0 || markedLines.has(line),
    });
  });
  return patterns;
}

/** Answers "is this target ignored?" against every pattern of every ignore file of a tree. */
export class ChezmoiIgnoreRules {
  private readonly compiled: CompiledPattern[];

  constructor(patterns: readonly ChezmoiIgnorePattern[]) {
    this.compiled = patterns.map(p => ({
      ...p,
      regexp: globToRegExp(p.pattern, 'doublestar'),
    }));
  }

  get patterns(): ChezmoiIgnorePattern[] {
    return this.compiled.map(({ regexp: _regexp, ...p }) => p);
  }

  /**
   * A target is ignored when it or a folder above it is ignored (chezmoi does not descend
   * into an ignored folder). Exclusions (`!`) beat inclusions, as in chezmoi.
   */
  status(targetPath: string): IgnoreStatus {
    if (this.compiled.length === 0) return 'managed';
    const parts = targetPath.split('/');
    let maybe = false;
    for (let i = 1; i <= parts.length; i++) {
      const status = this.statusOf(parts.slice(0, i).join('/'));
      if (status === 'ignored') return 'ignored';
      if (status === 'maybe-ignored') maybe = true;
    }
    return maybe ? 'maybe-ignored' : 'managed';
  }

  private statusOf(path: string): IgnoreStatus {
    let include: 'no' | 'maybe' | 'yes' = 'no';
    let exclude: 'no' | 'maybe' | 'yes' = 'no';
    for (const p of this.compiled) {
      if (!p.regexp.test(path)) continue;
      const strength = p.conditional ? 'maybe' : 'yes';
      if (p.negated) exclude = exclude === 'yes' ? 'yes' : strength;
      else include = include === 'yes' ? 'yes' : strength;
    }
    if (exclude === 'yes' || include === 'no') return 'managed';
    if (include === 'yes' && exclude === 'no') return 'ignored';
    return 'maybe-ignored';
  }
}
