import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import type { LocalRepositories } from '../config/localRepositories';
import { exportCommit } from '../git/exportCommit';
import { repositoryFolder, resolveCommit } from '../git/repository';
import { workspaceDir } from '../workspace/workspacePaths';
import { refuseControlCharacters } from './inputs';

export const FETCH_LOCAL_ACTION_ID = 'quadlet:fetch:local';

/**
 * `quadlet:fetch:local`: copies a folder of a local git repository, as committed on a branch
 * (default HEAD), into the workspace, for a box that lives on this machine. Reads objects with
 * git plumbing, so the repository's checkout is never touched. Outputs the commit, which
 * `quadlet:publish:local-branch` takes as the new branch's parent.
 */
export function fetchLocalAction(options: { local: LocalRepositories }) {
  return createTemplateAction({
    id: FETCH_LOCAL_ACTION_ID,
    description:
      'Copies a folder of a local git repository (under quadletPortal.scaffolder.localRoot), as committed at a revision, into the workspace. The checkout of that repository is not touched.',
    supportsDryRun: true,
    examples: [
      {
        description: "The example box's dotfiles into ./dotfiles",
        example: [
          'steps:',
          '  - id: fetch-dotfiles',
          '    action: quadlet:fetch:local',
          '    input:',
          '      repoPath: examples/sodimo/dotfiles',
          '      targetPath: dotfiles',
        ].join('\n'),
      },
      {
        description:
          'A repository of its own, at a given branch, into the workspace root',
        example: [
          'steps:',
          '  - id: fetch',
          '    action: quadlet:fetch:local',
          '    input:',
          '      repoPath: boxes/sodimo-dotfiles',
          '      ref: main',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        repoPath: z =>
          z
            .string()
            .describe(
              'Folder of a local git repository, relative to quadletPortal.scaffolder.localRoot',
            ),
        ref: z =>
          z
            .string()
            .optional()
            .describe('Branch, tag or commit to read (default HEAD)'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder to copy into (default the workspace); must be empty',
            ),
      },
      output: {
        commit: z =>
          z
            .string()
            .describe(
              'The commit read; pass it to quadlet:publish:local-branch as baseCommit',
            ),
        files: z => z.number(),
      },
    },
    async handler(ctx) {
      refuseControlCharacters(FETCH_LOCAL_ACTION_ID, ctx.input);
      const dir = await options.local.resolve('repoPath', ctx.input.repoPath);
      const folder = await repositoryFolder('repoPath', dir);
      if (!options.local.contains(folder.toplevel)) {
        throw new InputError(
          'repoPath: the git repository that holds it starts outside quadletPortal.scaffolder.localRoot',
        );
      }
      const commit = await resolveCommit(
        'ref',
        folder.toplevel,
        ctx.input.ref ?? 'HEAD',
      );
      const target = workspaceDir(
        ctx.workspacePath,
        'targetPath',
        ctx.input.targetPath,
      );
      const result = await exportCommit(
        folder.toplevel,
        commit,
        folder.prefix,
        target,
      );
      for (const skipped of result.skipped)
        ctx.logger.warn(`not copied: ${skipped}`);
      ctx.logger.info(
        `copied ${result.files} files of ${
          folder.prefix || '(repository root)'
        } at ${commit.slice(0, 12)}`,
      );
      ctx.output('commit', commit);
      ctx.output('files', result.files);
    },
  });
}
