import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import type { LocalRepositories } from '../config/localRepositories';
import {
  checkBranchName,
  commitToNewBranch,
  type BranchTarget,
  type CommitAuthor,
} from '../git/localBranch';
import { repositoryFolder } from '../git/repository';
import { workspaceDir } from '../workspace/workspacePaths';
import { refuseControlCharacters } from './inputs';

export const PUBLISH_LOCAL_ACTION_ID = 'quadlet:publish:local-branch';

const MAX_TARGETS = 8;
/** A commit message may span lines; other control characters (escape sequences…) are refused. */
// eslint-disable-next-line no-control-regex
const MESSAGE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export interface PublishLocalBranchOptions {
  local: LocalRepositories;
  /** From `quadletPortal.scaffolder.gitAuthor`, used when the task's user has no name or email. */
  defaultAuthor?: Partial<CommitAuthor>;
}

function authorText(
  field: string,
  value: unknown,
  kind: 'name' | 'email',
): string {
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > 200 ||
    // eslint-disable-next-line no-control-regex
    /[<>\u0000-\u001f\u007f]/.test(value) ||
    (kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value))
  ) {
    throw new InputError(
      `${field}: must be ${
        kind === 'email' ? 'an e-mail address' : 'a name'
      } on one line, without "<" or ">"`,
    );
  }
  return value.trim();
}

/**
 * `quadlet:publish:local-branch`: commits workspace folders to a new branch of local git
 * repositories (one commit per repository), for boxes that live on this machine. The
 * checked-out branch, index and working tree of each repository are never touched, and an
 * existing branch name is refused.
 */
export function publishLocalBranchAction(options: PublishLocalBranchOptions) {
  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Commits workspace folders to a new branch of local git repositories (under quadletPortal.scaffolder.localRoot), without touching their checkout; refuses an existing branch. For boxes without GitHub; GitHub boxes use publish:github:pull-request.',
    supportsDryRun: true,
    examples: [
      {
        description:
          'Publish the dotfiles and OS folders fetched by quadlet:fetch:local',
        example: [
          'steps:',
          '  - id: publish',
          '    action: quadlet:publish:local-branch',
          '    input:',
          '      branchName: quadlet/new-wiki',
          '      commitMessage: Add the wiki quadlet',
          '      targets:',
          '        - repoPath: examples/sodimo/dotfiles',
          '          sourcePath: dotfiles',
          '          baseCommit: ${{ steps["fetch-dotfiles"].output.commit }}',
          '        - repoPath: examples/sodimo/harness',
          '          sourcePath: os',
          '          baseCommit: ${{ steps["fetch-os"].output.commit }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        targets: z =>
          z
            .array(
              z.object({
                repoPath: z
                  .string()
                  .optional()
                  .describe(
                    'Repository folder, relative to quadletPortal.scaffolder.localRoot; empty or absent: the target is skipped',
                  ),
                sourcePath: z
                  .string()
                  .optional()
                  .describe(
                    'Workspace folder with its new content (default the workspace)',
                  ),
                baseCommit: z
                  .string()
                  .optional()
                  .describe(
                    'Commit the folder was fetched from (default HEAD)',
                  ),
              }),
            )
            .describe(
              'What to commit where; targets in one repository share one commit',
            ),
        branchName: z =>
          z.string().describe('The new branch; an existing one is refused'),
        commitMessage: z =>
          z.string().describe('Commit message (may span lines)'),
        authorName: z => z.string().optional(),
        authorEmail: z => z.string().optional(),
      },
      output: {
        branchName: z => z.string(),
        commitSha: z =>
          z
            .string()
            .describe('The commit (of the first repository with changes)'),
        commits: z =>
          z.array(
            z.object({
              repoPath: z.string(),
              commit: z.string().optional(),
              changed: z.array(z.string()),
            }),
          ),
      },
    },
    async handler(ctx) {
      const { commitMessage, targets } = ctx.input;
      refuseControlCharacters(PUBLISH_LOCAL_ACTION_ID, ctx.input, [
        'commitMessage',
      ]);
      if (
        typeof commitMessage !== 'string' ||
        commitMessage.trim() === '' ||
        MESSAGE_CONTROL.test(commitMessage) ||
        commitMessage.length > 64 * 1024
      ) {
        throw new InputError(
          'commitMessage: must be non-empty text (newlines and tabs allowed, no other control character, at most 64 KiB)',
        );
      }
      if (
        !Array.isArray(targets) ||
        targets.length === 0 ||
        targets.length > MAX_TARGETS
      ) {
        throw new InputError(
          `targets: must list 1 to ${MAX_TARGETS} repository folders`,
        );
      }
      const resolved: BranchTarget[] = [];
      const used: typeof targets = [];
      for (const [i, target] of targets.entries()) {
        const field = `targets[${i}]`;
        // A template lists its optional repositories (the OS repo) with an empty path when unused.
        if (target.repoPath === '' || target.repoPath === undefined) continue;
        used.push(target);
        const dir = await options.local.resolve(
          `${field}.repoPath`,
          target.repoPath,
        );
        const folder = await repositoryFolder(`${field}.repoPath`, dir);
        if (!options.local.contains(folder.toplevel)) {
          throw new InputError(
            `${field}.repoPath: the git repository that holds it starts outside quadletPortal.scaffolder.localRoot`,
          );
        }
        resolved.push({
          field,
          folder,
          workspaceDir: workspaceDir(
            ctx.workspacePath,
            `${field}.sourcePath`,
            target.sourcePath,
          ),
          baseCommit: target.baseCommit || undefined,
        });
      }
      if (resolved.length === 0) {
        throw new InputError(
          'targets: every repoPath is empty; name at least one repository',
        );
      }
      const branch = await checkBranchName(
        'branchName',
        ctx.input.branchName,
        resolved[0].folder.toplevel,
      );
      const profile = ctx.user?.entity?.spec?.profile;
      const author: CommitAuthor = {
        name: authorText(
          'authorName',
          ctx.input.authorName ||
            profile?.displayName ||
            options.defaultAuthor?.name ||
            'quadlet-portal',
          'name',
        ),
        email: authorText(
          'authorEmail',
          ctx.input.authorEmail ||
            profile?.email ||
            options.defaultAuthor?.email ||
            'quadlet-portal@localhost',
          'email',
        ),
      };
      // A private folder for the temporary index files, never inside a folder being committed.
      const tempDir = await mkdtemp(path.join(os.tmpdir(), 'qp-publish-'));
      let commits;
      try {
        commits = await commitToNewBranch(resolved, {
          branch,
          message: commitMessage,
          author,
          tempDir,
          dryRun: ctx.isDryRun,
        });
      } finally {
        await rm(tempDir, { recursive: true, force: true });
      }
      const repoPathOf = (repository: string): string =>
        used[resolved.findIndex(t => t.folder.toplevel === repository)]
          .repoPath ?? '';
      if (ctx.isDryRun) {
        ctx.logger.info(
          `dry run: would create branch ${branch} in ${commits.length} repository(ies)`,
        );
        ctx.output('branchName', branch);
        ctx.output('commitSha', 'dry-run');
        ctx.output(
          'commits',
          commits.map(c => ({
            repoPath: repoPathOf(c.repository),
            changed: [],
          })),
        );
        return;
      }
      for (const c of commits) {
        for (const ignored of c.ignored) {
          ctx.logger.warn(
            `${repoPathOf(
              c.repository,
            )}: not committed, the repository ignores ${ignored}`,
          );
        }
        ctx.logger.info(
          c.commit
            ? `${repoPathOf(c.repository)}: branch ${branch} at ${c.commit} (${
                c.changed.length
              } files changed)`
            : `${repoPathOf(c.repository)}: nothing changed, no branch made`,
        );
      }
      const first = commits.find(c => c.commit);
      if (!first) {
        throw new InputError(
          'nothing to publish: the workspace folders hold exactly what the repositories have at their base commit',
        );
      }
      ctx.output('branchName', branch);
      ctx.output('commitSha', first.commit!);
      ctx.output(
        'commits',
        commits.map(c => ({
          repoPath: repoPathOf(c.repository),
          ...(c.commit ? { commit: c.commit } : {}),
          changed: c.changed,
        })),
      );
    },
  });
}
