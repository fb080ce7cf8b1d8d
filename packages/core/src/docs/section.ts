import type { Linker } from './links';
import type { GuideSectionKind } from './types';

/** A section before rendering: where it goes, what it documents, and how to write it. */
export interface SectionSpec {
  id: string;
  kind: GuideSectionKind;
  title: string;
  /** File of the guide that holds it. */
  path: string;
  parent?: string;
  entityRefs: string[];
  unitIds: string[];
  /** Anchors inside the section (table rows), each with the keys (entity refs, unit ids) that point at it. */
  rows?: { anchor: string; keys: string[] }[];
  render(l: Linker): string;
}

/** `- **Label** · value`, or a nested list when there are several values. */
export function field(label: string, value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return `- **${label}** · ${value}`;
  if (value.length === 0) return undefined;
  if (value.length === 1) return `- **${label}** · ${value[0]}`;
  return [`- **${label}**`, ...value.map(v => `  - ${v}`)].join('\n');
}

/** Fields in order, the missing ones left out. */
export function fields(...lines: (string | undefined)[]): string {
  return lines.filter((line): line is string => line !== undefined).join('\n');
}
