import {
  compareVersionTags,
  newerVersionTag,
  newestVersionTag,
  parseImageReference,
  parseVersionTag,
  withoutDigest,
  type ImageReference,
} from '../image';
import { checkTag } from '../image/referenceGrammar';
import type { Inventory } from '../inventory/types';
import type {
  BumpMode,
  BumpScope,
  ImageBumpEdit,
  ImageBumpPlan,
  ImageBumpPlanResult,
  ImageBumpSkip,
} from './bumpPlan';
import { selectBumpTargets, type BumpTarget } from './bumpTargets';
import type {
  DigestLookup,
  ListTags,
  ResolveDigest,
  TagListLookup,
} from './lookups';
import { moveToTag, pinToDigest } from './referenceEdits';

export interface PlanImageBumpsOptions {
  scope: BumpScope;
  mode: BumpMode;
  resolveDigest: ResolveDigest;
  /** Needed by the `newest` mode. */
  listTags?: ListTags;
}

/** Patterns come from people and query strings; a long one is more likely a mistake or an attack. */
const MAX_PATTERN_LENGTH = 256;

type Outcome =
  | { edit: Omit<ImageBumpEdit, keyof BumpTarget | 'units'> }
  | { skip: Pick<ImageBumpSkip, 'outcome' | 'reason'> };

function skip(outcome: ImageBumpSkip['outcome'], reason: string): Outcome {
  return { skip: { outcome, reason } };
}

/** Calls a lookup once per key, and turns a throwing callback into an `unknown` answer. */
function memoised<T>(
  lookup: (reference: ImageReference) => Promise<T>,
  keyOf: (reference: ImageReference) => string,
  onError: (reason: string) => T,
): (reference: ImageReference) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return reference => {
    const key = keyOf(reference);
    let answer = seen.get(key);
    if (!answer) {
      answer = Promise.resolve()
        .then(() => lookup(reference))
        .catch(error =>
          onError(error instanceof Error ? error.message : String(error)),
        );
      seen.set(key, answer);
    }
    return answer;
  };
}

function tagLabel(reference: ImageReference): string {
  return reference.tag === undefined ? 'no tag (:latest)' : `:${reference.tag}`;
}

function notesFor(reference: ImageReference, mode: BumpMode): string[] {
  const notes: string[] = [];
  if (reference.shortName) {
    notes.push(
      `"${reference.text}" names no registry: it was looked up on docker.io, but podman may resolve it elsewhere through registries.conf`,
    );
  }
  if (mode.kind === 'pin-digests' && reference.tag === undefined) {
    notes.push(
      'no tag is written: the digest is the one :latest points at now',
    );
  }
  return notes;
}

function lookupFailure(
  answer: Exclude<DigestLookup | TagListLookup, { status: 'ok' }>,
  what: string,
): Outcome {
  return answer.status === 'not-found'
    ? skip('not-found', `the registry has no ${what}`)
    : skip('unknown', `the registry could not say (${answer.reason})`);
}

interface Planner {
  mode: BumpMode;
  pattern?: RegExp;
  resolve: ResolveDigest;
  listTags?: ListTags;
}

/** Moves `reference` to `tag` (verifying the tag exists), pinned when `pin` says so. */
async function moveTo(
  planner: Planner,
  reference: ImageReference,
  tag: string,
  pin: boolean,
  reason: string,
): Promise<Outcome> {
  const moved = moveToTag(reference, tag);
  if (!moved.ok) return skip('not-applicable', moved.reason);
  const answer = await planner.resolve(moved.reference);
  if (answer.status !== 'ok') {
    return lookupFailure(answer, `tag ${tag} for ${reference.name}`);
  }
  const final = pin ? pinToDigest(moved.reference, answer.digest) : moved;
  if (!final.ok) return skip('not-applicable', final.reason);
  if (final.reference.text === reference.text) {
    return skip(
      'unchanged',
      `already at ${tag}${pin ? ' with its current digest' : ''}`,
    );
  }
  return {
    edit: {
      from: reference.text,
      to: final.reference.text,
      ...(pin ? { digest: answer.digest } : {}),
      reason: `${reason}${pin ? `, pinned to ${answer.digest}` : ''}`,
      notes: notesFor(reference, planner.mode),
    },
  };
}

async function planOne(planner: Planner, target: BumpTarget): Promise<Outcome> {
  const { image } = target;
  if (target.templated) {
    return skip(
      'not-applicable',
      'the Image= line holds chezmoi template markup; what it renders to depends on chezmoi data',
    );
  }
  if (image.kind !== 'registry') {
    return skip(
      'not-applicable',
      image.kind === 'invalid'
        ? `not a valid image reference: ${image.error ?? image.text}`
        : `Image= is a ${
            image.kind === 'unit' ? 'quadlet unit' : image.kind
          } value, not a registry reference`,
    );
  }
  const parsed = parseImageReference(image.text.trim());
  if (!parsed.ok) return skip('not-applicable', parsed.error);
  const reference = parsed.reference;
  const { mode } = planner;

  if (mode.kind === 'pin-digests') {
    if (reference.digest !== undefined) {
      return skip('unchanged', 'already pinned by digest');
    }
    const answer = await planner.resolve(reference);
    if (answer.status !== 'ok') {
      return lookupFailure(
        answer,
        `${tagLabel(reference)} for ${reference.name}`,
      );
    }
    const pinned = pinToDigest(reference, answer.digest);
    if (!pinned.ok) return skip('not-applicable', pinned.reason);
    return {
      edit: {
        from: reference.text,
        to: pinned.reference.text,
        digest: answer.digest,
        reason: `pin ${tagLabel(reference)} to the digest it points at now`,
        notes: notesFor(reference, mode),
      },
    };
  }

  const pin = mode.pin ?? reference.digest !== undefined;
  if (mode.kind === 'to') {
    return moveTo(
      planner,
      reference,
      mode.tag,
      pin,
      `move from ${tagLabel(reference)} to :${mode.tag}`,
    );
  }

  if (!planner.listTags) {
    return skip('unknown', 'no tag listing is available');
  }
  const listing = await planner.listTags(withoutDigest(reference));
  if (listing.status !== 'ok') {
    return lookupFailure(listing, `repository ${reference.name}`);
  }
  let newest: string | undefined;
  if (planner.pattern) {
    newest = newestVersionTag(listing.tags, planner.pattern);
    if (newest === undefined) {
      return skip(
        'not-found',
        `no version tag of ${reference.name} matches /${planner.pattern.source}/`,
      );
    }
    if (
      reference.tag !== undefined &&
      compareVersionTags(newest, reference.tag) <= 0
    ) {
      return skip(
        'unchanged',
        `${tagLabel(reference)} is already the newest tag matching /${
          planner.pattern.source
        }/`,
      );
    }
  } else {
    if (reference.tag === undefined || !parseVersionTag(reference.tag)) {
      return skip(
        'not-applicable',
        `${tagLabel(
          reference,
        )} is not a version tag; give a pattern to choose among the tags`,
      );
    }
    newest = newerVersionTag(reference.tag, listing.tags);
    if (newest === undefined) {
      return skip(
        'unchanged',
        `${tagLabel(reference)} is already the newest tag of its shape`,
      );
    }
  }
  return moveTo(
    planner,
    reference,
    newest,
    pin,
    `move from ${tagLabel(reference)} to :${newest}, the newest ${
      planner.pattern
        ? `tag matching /${planner.pattern.source}/`
        : 'tag of the same shape'
    }`,
  );
}

function checkMode(
  mode: BumpMode,
  listTags: ListTags | undefined,
):
  | { ok: true; pattern?: RegExp }
  | { ok: false; field: string; reason: string } {
  if (mode.kind === 'to') {
    const problem = checkTag(mode.tag);
    return problem
      ? { ok: false, field: 'mode.tag', reason: problem }
      : { ok: true };
  }
  if (mode.kind !== 'newest') return { ok: true };
  if (!listTags) {
    return {
      ok: false,
      field: 'listTags',
      reason: 'the newest mode needs a tag listing',
    };
  }
  if (mode.pattern === undefined) return { ok: true };
  if (mode.pattern.length === 0 || mode.pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      field: 'mode.pattern',
      reason: `the pattern must be 1 to ${MAX_PATTERN_LENGTH} characters long`,
    };
  }
  try {
    return { ok: true, pattern: new RegExp(mode.pattern) };
  } catch (error) {
    return {
      ok: false,
      field: 'mode.pattern',
      reason: `not a regular expression: ${(error as Error).message}`,
    };
  }
}

/**
 * Plans image bumps over a box: which `Image=` lines change, from what to what, and why; and
 * for every other image in scope, why it stays. Registry answers come from the callbacks, each
 * distinct reference asked once. Apply the edits with `bumpImage`/`applyImageBumps`.
 */
export async function planImageBumps(
  inventory: Inventory,
  options: PlanImageBumpsOptions,
): Promise<ImageBumpPlanResult> {
  const checked = checkMode(options.mode, options.listTags);
  if (!checked.ok) return checked;
  const selected = selectBumpTargets(inventory, options.scope);
  if (!selected.ok) return selected;

  const unknown = (reason: string) => ({ status: 'unknown' as const, reason });
  const planner: Planner = {
    mode: options.mode,
    pattern: checked.pattern,
    resolve: memoised(options.resolveDigest, r => r.normalized, unknown),
    listTags:
      options.listTags && memoised(options.listTags, r => r.name, unknown),
  };
  const outcomes = await Promise.all(
    selected.targets.map(target => planOne(planner, target)),
  );
  const plan: ImageBumpPlan = { edits: [], skipped: [] };
  selected.targets.forEach((target, index) => {
    const { tree, path, line, units } = target;
    const outcome = outcomes[index];
    if ('edit' in outcome) {
      plan.edits.push({ tree, path, line, units, ...outcome.edit });
    } else {
      plan.skipped.push({
        tree,
        path,
        line,
        units,
        image: target.image.text,
        ...outcome.skip,
      });
    }
  });
  return { ok: true, plan };
}
