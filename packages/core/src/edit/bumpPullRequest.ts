import type { CheckResult } from '../checks/types';
import type { BumpMode, ImageBumpEdit, ImageBumpSkip } from './bumpPlan';

export interface BumpPullRequestInput {
  mode: BumpMode;
  edits: readonly ImageBumpEdit[];
  /** Images in scope that keep their reference, with why. */
  skipped?: readonly ImageBumpSkip[];
  /** Planned edits that could not be applied. */
  failures?: readonly { edit: ImageBumpEdit; reason: string }[];
  /** Failing scorecard results the edits make pass. */
  resolved?: readonly CheckResult[];
}

export interface BumpPullRequest {
  title: string;
  /** Markdown. */
  body: string;
}

/** Inline code that survives any content: a fence longer than the longest backtick run. */
function code(text: string): string {
  const longest = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map(run => run.length),
  );
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: pipes escaped, newlines flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** What the unit is called in a title: the unit file name as podman loads it, when known. */
function unitLabel(edit: ImageBumpEdit): string {
  const unit = edit.units[0];
  const name = unit ? unit.slice(unit.lastIndexOf('/') + 1) : edit.path;
  return fileName(name)
    .replace(/^(private_|readonly_|executable_)+/, '')
    .replace(/\.tmpl$/, '');
}

function tagOf(reference: string): string | undefined {
  const withoutDigest = reference.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(colon + 1) : undefined;
}

function title(input: BumpPullRequestInput): string {
  const { edits, mode } = input;
  if (edits.length === 1) {
    const edit = edits[0];
    if (mode.kind === 'pin-digests') {
      return `Pin the ${unitLabel(edit)} image to its digest`;
    }
    const tag = tagOf(edit.to);
    return `Bump the ${unitLabel(edit)} image to ${tag ?? edit.to}`;
  }
  return mode.kind === 'pin-digests'
    ? `Pin ${edits.length} images to their digests`
    : `Bump ${edits.length} images`;
}

function modeLabel(mode: BumpMode): string {
  switch (mode.kind) {
    case 'pin-digests':
      return 'pin each tag to the digest it points at now';
    case 'to':
      return `move to tag ${code(mode.tag)}${
        mode.pin ? ', pinned by digest' : ''
      }`;
    default:
      return `move to the newest version tag${
        mode.pattern ? ` matching ${code(mode.pattern)}` : ''
      }${mode.pin ? ', pinned by digest' : ''}`;
  }
}

/**
 * Title and Markdown body of an image-bump pull request (or local branch): old → new
 * reference and digest per `Image=` line, the scorecard findings the change resolves, and
 * what was left alone, with why.
 */
export function bumpPullRequest(input: BumpPullRequestInput): BumpPullRequest {
  const body: string[] = [
    `Image bump by quadlet-portal: ${modeLabel(input.mode)}.`,
    '',
    '| File | Unit | Old | New | Digest |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const edit of input.edits) {
    body.push(
      `| ${cell(code(`${edit.path}:${edit.line}`))} | ${cell(
        unitLabel(edit),
      )} | ${cell(code(edit.from))} | ${cell(code(edit.to))} | ${
        edit.digest ? cell(code(edit.digest)) : '—'
      } |`,
    );
  }
  body.push(
    '',
    'Only the `Image=` values change; every other byte of these files stays as it was.',
  );

  const resolved = input.resolved ?? [];
  body.push('', '### Scorecard findings this resolves', '');
  if (resolved.length === 0) {
    body.push('None that the offline checks report.');
  } else {
    for (const result of resolved) {
      body.push(
        `- **${result.checkId}** (${result.severity}) ${cell(
          result.entityName,
        )}: ${result.message}`,
      );
    }
  }

  const notes = [
    ...new Set(
      input.edits.flatMap(e => e.notes.map(n => `${unitLabel(e)}: ${n}`)),
    ),
  ];
  if (notes.length > 0) {
    body.push('', '### Notes', '', ...notes.map(n => `- ${n}`));
  }

  const failures = input.failures ?? [];
  const skipped = (input.skipped ?? []).filter(s => s.outcome !== 'unchanged');
  if (failures.length > 0 || skipped.length > 0) {
    body.push('', '### Left as they are', '');
    for (const failure of failures) {
      body.push(
        `- ${code(`${failure.edit.path}:${failure.edit.line}`)} ${code(
          failure.edit.from,
        )}: ${failure.reason}`,
      );
    }
    for (const skip of skipped) {
      body.push(
        `- ${code(`${skip.path}:${skip.line}`)} ${code(skip.image)}: ${
          skip.reason
        } (${skip.outcome})`,
      );
    }
  }
  return { title: title(input), body: `${body.join('\n')}\n` };
}
