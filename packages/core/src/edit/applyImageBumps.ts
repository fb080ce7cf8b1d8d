import type { SourceFile } from '../sourceFile';
import type { ImageBumpEdit } from './bumpPlan';
import { bumpImageFile } from './bumpImage';

export interface BumpedFile {
  tree: string;
  path: string;
  content: Buffer;
  edits: ImageBumpEdit[];
}

export interface AppliedImageBumps {
  /** Files with at least one change, each once with all of its edits applied. */
  files: BumpedFile[];
  /** Edits that could not be applied, with why (a stale plan, template markup, a missing file…). */
  failures: { edit: ImageBumpEdit; reason: string }[];
}

/**
 * Applies planned edits to the files they name. `readFile` gives the current bytes (from a
 * workspace, a checkout or a tree already in memory); each edit must still find the value
 * it was planned from, so a file that changed since the plan is refused, never clobbered.
 */
export function applyImageBumps(
  edits: ImageBumpEdit[],
  readFile: (tree: string, path: string) => SourceFile | undefined,
): AppliedImageBumps {
  const files = new Map<string, BumpedFile>();
  const failures: AppliedImageBumps['failures'] = [];
  for (const edit of edits) {
    const key = `${edit.tree}\u0000${edit.path}`;
    let bumped = files.get(key);
    if (!bumped) {
      const source = readFile(edit.tree, edit.path);
      if (!source) {
        failures.push({
          edit,
          reason: `${edit.tree}:${edit.path} is not there`,
        });
        continue;
      }
      bumped = {
        tree: edit.tree,
        path: edit.path,
        content: source.content,
        edits: [],
      };
      files.set(key, bumped);
    }
    const result = bumpImageFile(
      { path: edit.path, content: bumped.content },
      { line: edit.line, from: edit.from, to: edit.to },
    );
    if (!result.ok) {
      failures.push({ edit, reason: result.reason });
      continue;
    }
    bumped.content = result.content;
    if (result.changed) bumped.edits.push(edit);
  }
  return {
    files: [...files.values()].filter(file => file.edits.length > 0),
    failures,
  };
}
