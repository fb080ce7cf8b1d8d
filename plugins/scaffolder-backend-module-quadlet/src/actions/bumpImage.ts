import { createHash } from 'node:crypto';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  applyImageBumps,
  bumpPullRequest,
  checkBoxTrees,
  inputRules,
  planImageBumps,
  readBox,
  resolvedFindings,
  treesWithFiles,
  type BumpMode,
  type BumpScope,
  type InputProblem,
} from '@quadlet-portal/core';
import type { RegistryClientFactory } from '../config/registryOptions';
import { readWorkspaceBox } from '../workspace/boxTrees';
import { writeWorkspaceFiles } from '../workspace/writeFiles';
import { inputError } from './inputs';

export const BUMP_ACTION_ID = 'quadlet:image:bump';

export interface BumpImageActionOptions {
  registry: RegistryClientFactory;
  now?: () => Date;
}

/** The distribution grammar of a tag. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** A unit as the scope names it: file name, bare name or inventory id (`tree:path`). */
const UNIT = /^[A-Za-z0-9][A-Za-z0-9@._:/-]{0,511}$/;

/** The planner names its options; the action's inputs are called otherwise. */
const PLANNER_FIELDS: Record<string, string> = {
  'scope.name': 'unit',
  'scope.path': 'file',
};

export interface BumpRequest {
  box: string;
  scope: BumpScope;
  mode: BumpMode;
}

/** Checks the bump inputs (field and rule for each problem) and makes the core's scope and mode. */
export function validateBumpInput(input: Record<string, unknown>):
  | {
      ok: true;
      request: BumpRequest;
    }
  | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [
    ...inputRules.controlCharacterProblems(input, ''),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const take = <T>(result: inputRules.RuleResult<T>): T | undefined => {
    if (result.ok) return result.value;
    problems.push(result.problem);
    return undefined;
  };
  const given = (value: unknown) =>
    value !== undefined && value !== null && value !== '';

  const box = take(inputRules.name('box', input.box));
  let scope: BumpScope | undefined = { kind: 'box' };
  if (given(input.unit) && given(input.file)) {
    problems.push({ field: 'file', rule: 'give unit or file, not both' });
  } else if (given(input.unit)) {
    const unit = take(
      inputRules.singleLine('unit', input.unit, { maxLength: 512 }),
    );
    if (unit !== undefined && (!UNIT.test(unit) || unit.includes('..'))) {
      problems.push({
        field: 'unit',
        rule: 'must be a unit name such as cockpit or cockpit.container (letters, digits, "@", ".", "_", "-")',
      });
    } else if (unit !== undefined) {
      scope = { kind: 'unit', name: unit };
    }
  } else if (given(input.file)) {
    const raw = String(input.file);
    const colon = raw.indexOf(':');
    const tree = colon > 0 ? raw.slice(0, colon) : undefined;
    if (tree !== undefined && !/^[A-Za-z0-9._-]+$/.test(tree)) {
      problems.push({
        field: 'file',
        rule: 'the tree name before ":" may use only letters, digits, ".", "_" and "-"',
      });
    } else {
      const path = take(
        inputRules.relativePath('file', colon > 0 ? raw.slice(colon + 1) : raw),
      );
      if (path !== undefined) {
        scope = tree ? { kind: 'file', path, tree } : { kind: 'file', path };
      }
    }
  }

  const modeName = given(input.mode) ? input.mode : 'pin-digests';
  const pin = input.pin === undefined || input.pin === null ? true : input.pin;
  let mode: BumpMode | undefined;
  if (typeof pin !== 'boolean') {
    problems.push({ field: 'pin', rule: 'must be true or false' });
  } else if (modeName === 'pin-digests') {
    mode = { kind: 'pin-digests' };
  } else if (modeName === 'to') {
    const tag = take(
      inputRules.singleLine('tag', input.tag, { maxLength: 128 }),
    );
    if (tag !== undefined && !TAG.test(tag)) {
      problems.push({
        field: 'tag',
        rule: 'must be an image tag: letters, digits, "_", "." and "-", at most 128, not starting with "." or "-"',
      });
    } else if (tag !== undefined) {
      mode = { kind: 'to', tag, pin };
    }
  } else if (modeName === 'newest') {
    let pattern: string | undefined;
    if (given(input.pattern)) {
      pattern = take(
        inputRules.singleLine('pattern', input.pattern, { maxLength: 256 }),
      );
      if (pattern !== undefined) {
        try {
          RegExp(pattern);
        } catch (error) {
          problems.push({
            field: 'pattern',
            rule: `must be a regular expression (${(error as Error).message})`,
          });
          pattern = undefined;
        }
      }
    }
    mode =
      pattern === undefined
        ? { kind: 'newest', pin }
        : { kind: 'newest', pattern, pin };
  } else {
    problems.push({ field: 'mode', rule: 'must be pin-digests, to or newest' });
  }
  if (problems.length > 0 || !box || !scope || !mode) {
    return { ok: false, problems };
  }
  return { ok: true, request: { box, scope, mode } };
}

function branchLabel(scope: BumpScope): string {
  const text =
    scope.kind === 'box'
      ? 'box'
      : (scope.kind === 'unit' ? scope.name : scope.path).replace(
          /^.*[/:]/,
          '',
        );
  return (
    text
      .replace(/\.[^.]*$/, '')
      .replace(/^(private_|readonly_|executable_)+/, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'images'
  );
}

/**
 * `quadlet:image:bump`: pins or moves `Image=` references of one file, one unit, or every
 * unpinned image of the box in the workspace, through the core's planner and the registry
 * client. Only the `Image=` values change. Outputs the changes and a pull-request title/body.
 */
export function bumpImageAction(options: BumpImageActionOptions) {
  return createTemplateAction({
    id: BUMP_ACTION_ID,
    description:
      'Pins Image= references to their digest, moves them to a tag, or to the newest version tag matching a pattern, for one file, one unit or every unpinned image of the box in the workspace. Only the Image= values change; every other byte stays. Outputs the changes and a pull-request title and body listing old → new, the digest and the scorecard findings it resolves.',
    supportsDryRun: true,
    examples: [
      {
        description:
          'Pin the cockpit image to the digest its tag points at now',
        example: [
          'steps:',
          '  - id: bump',
          '    action: quadlet:image:bump',
          '    input:',
          '      box: sodimo',
          '      unit: cockpit',
        ].join('\n'),
      },
      {
        description: 'Move one file to a given tag, pinned by digest',
        example: [
          'steps:',
          '  - id: bump',
          '    action: quadlet:image:bump',
          '    input:',
          '      box: sodimo',
          '      file: home/dot_config/containers/systemd/piler.container',
          '      mode: to',
          '      tag: 1.4.7',
        ].join('\n'),
      },
      {
        description:
          'Pin every unpinned image of the box (dotfiles checked out in ./dotfiles)',
        example: [
          'steps:',
          '  - id: bump',
          '    action: quadlet:image:bump',
          '    input:',
          '      box: sodimo',
          '      dotfilesPath: dotfiles',
        ].join('\n'),
      },
      {
        description: 'Move vaultwarden to the newest 1.x.y release',
        example: [
          'steps:',
          '  - id: bump',
          '    action: quadlet:image:bump',
          '    input:',
          '      box: sodimo',
          '      unit: vaultwarden',
          '      mode: newest',
          "      pattern: '^1\\.\\d+\\.\\d+$'",
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        box: z => z.string().describe('Box name (for findings and waivers)'),
        unit: z =>
          z
            .string()
            .optional()
            .describe(
              'Only this unit: `cockpit`, `cockpit.container` or an inventory id',
            ),
        file: z =>
          z
            .string()
            .optional()
            .describe(
              'Only this file (path in the dotfiles tree, or `os:path`)',
            ),
        mode: z =>
          z
            .enum(['pin-digests', 'to', 'newest'])
            .optional()
            .describe(
              'pin-digests (default): pin the current tag; to: move to `tag`; newest: newest version tag matching `pattern`',
            ),
        tag: z => z.string().optional().describe('Tag for mode `to`'),
        pattern: z =>
          z
            .string()
            .optional()
            .describe(
              'Regular expression for mode `newest` (at most 256 characters)',
            ),
        pin: z =>
          z
            .boolean()
            .optional()
            .describe('Pin the moved tag by digest (default true)'),
        dotfilesPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder of the dotfiles repository; default the workspace',
            ),
        osPath: z =>
          z
            .string()
            .optional()
            .describe('Workspace folder of the OS repository, if any'),
      },
      output: {
        changes: z =>
          z.array(
            z.object({
              file: z.string(),
              line: z.number(),
              from: z.string(),
              to: z.string(),
              digest: z.string().optional(),
              reason: z.string(),
            }),
          ),
        skipped: z =>
          z.array(
            z.object({
              file: z.string(),
              line: z.number(),
              image: z.string(),
              outcome: z.string(),
              reason: z.string(),
            }),
          ),
        title: z => z.string(),
        body: z => z.string().describe('Markdown pull-request body'),
        branchName: z => z.string(),
      },
    },
    async handler(ctx) {
      const { dotfilesPath, osPath } = ctx.input;
      const checked = validateBumpInput(ctx.input);
      if (!checked.ok) throw inputError(BUMP_ACTION_ID, checked.problems);
      const { box: boxName, scope, mode } = checked.request;
      const box = await readWorkspaceBox(ctx.workspacePath, {
        dotfilesPath,
        osPath,
      });
      const inventory = readBox(box.trees);
      const registry = options.registry({
        signal: ctx.signal,
        onRequest: event =>
          ctx.logger.debug(
            `registry ${event.method} ${event.url} → ${
              event.status ?? event.error
            } (try ${event.attempt + 1})`,
          ),
      });
      const planned = await planImageBumps(inventory, {
        scope,
        mode,
        resolveDigest: registry.resolveDigest,
        listTags: registry.listTags,
      });
      if (!planned.ok) {
        const field = PLANNER_FIELDS[planned.field] ?? planned.field;
        throw inputError(BUMP_ACTION_ID, [{ field, rule: planned.reason }]);
      }
      const { plan } = planned;
      const fileOf = (tree: string, path: string) =>
        box.trees.find(t => t.name === tree)?.files.find(f => f.path === path);
      const applied = applyImageBumps(plan.edits, fileOf);
      const where = (tree: string, path: string) =>
        `${tree === 'dotfiles' ? '' : `${tree}:`}${path}`;
      for (const skip of plan.skipped) {
        ctx.logger.info(
          `${where(skip.tree, skip.path)}:${skip.line} ${skip.image}: ${
            skip.reason
          }`,
        );
      }
      for (const failure of applied.failures) {
        ctx.logger.warn(
          `${where(failure.edit.tree, failure.edit.path)}:${
            failure.edit.line
          }: ${failure.reason}`,
        );
      }
      const edits = applied.files.flatMap(f => f.edits);
      if (edits.length === 0) {
        const reasons = [
          ...plan.skipped.map(
            s =>
              `${where(s.tree, s.path)}:${s.line} ${s.image}: ${s.reason} (${
                s.outcome
              })`,
          ),
          ...applied.failures.map(
            f =>
              `${where(f.edit.tree, f.edit.path)}:${f.edit.line}: ${f.reason}`,
          ),
        ];
        throw new InputError(
          `${BUMP_ACTION_ID}: nothing to change${
            reasons.length > 0
              ? `:\n${reasons.map(r => `- ${r}`).join('\n')}`
              : ' (no image in scope)'
          }`,
        );
      }

      const now = options.now?.() ?? new Date();
      const before = checkBoxTrees(boxName, box.trees, { now });
      const after = checkBoxTrees(
        boxName,
        treesWithFiles(box.trees, applied.files),
        { now },
      );
      const resolved = resolvedFindings(before, after);

      await writeWorkspaceFiles(
        applied.files.map(file => ({
          root: box.roots.get(file.tree)!,
          path: file.path,
          content: file.content,
          change: 'update' as const,
          expected: fileOf(file.tree, file.path)?.content,
        })),
      );
      for (const edit of edits) {
        ctx.logger.info(
          `${where(edit.tree, edit.path)}:${edit.line}: ${edit.from} → ${
            edit.to
          }`,
        );
      }
      const pr = bumpPullRequest({
        mode,
        edits,
        skipped: plan.skipped,
        failures: applied.failures,
        resolved,
      });
      const hash = createHash('sha256')
        .update(edits.map(e => `${e.path}:${e.line}:${e.to}`).join('\n'))
        .digest('hex')
        .slice(0, 8);
      ctx.output(
        'changes',
        edits.map(e => ({
          file: where(e.tree, e.path),
          line: e.line,
          from: e.from,
          to: e.to,
          ...(e.digest ? { digest: e.digest } : {}),
          reason: e.reason,
        })),
      );
      ctx.output(
        'skipped',
        plan.skipped.map(s => ({
          file: where(s.tree, s.path),
          line: s.line,
          image: s.image,
          outcome: s.outcome,
          reason: s.reason,
        })),
      );
      ctx.output('title', pr.title);
      ctx.output('body', pr.body);
      ctx.output('branchName', `quadlet/bump-${branchLabel(scope)}-${hash}`);
    },
  });
}
