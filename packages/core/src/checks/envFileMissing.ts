import type { EnvFile, EnvFileRef } from '../inventory/types';
import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition, CheckSubject } from './types';

const ID = 'env-file-missing';

export const envFileMissing: CheckDefinition = {
  id: ID,
  title: 'Environment file neither in the repo nor rendered from a template',
  severity: 'error',
  rationale:
    'systemd refuses to start a unit whose `EnvironmentFile=` does not exist (unless written with a leading `-`). ' +
    'Env files hold secrets and are gitignored, so the repo must carry their shape as a `.env.tmpl` that chezmoi ' +
    'renders; a file with neither exists only on the machine where someone typed it.',
  remediation:
    'Add `<name>.env.tmpl` next to the other env templates (variable names, values pulled from the secret store), ' +
    'or commit the file if it holds no secret.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(envFileMissing, context);
    const byKey = new Map(context.inventory.envFiles.map(e => [e.key, e]));
    const judge = (subject: CheckSubject, refs: readonly EnvFileRef[]) => {
      for (const ref of refs) {
        const file: EnvFile | undefined = byKey.get(ref.envFile);
        const status = file?.status ?? 'missing';
        if (status === 'present') {
          report.pass(
            subject,
            ref.source,
            `\`${ref.path}\` is in the repo (${
              file?.file?.path ?? ref.envFile
            })`,
            ref.path,
          );
        } else if (status === 'template') {
          report.pass(
            subject,
            ref.source,
            `\`${ref.path}\` is rendered from ${
              file?.file?.path ?? 'a template'
            }`,
            ref.path,
          );
        } else if (status === 'external') {
          report.unknown(
            subject,
            ref.source,
            `\`${ref.path}\` lies outside the box's trees: cannot tell whether it exists`,
            ref.path,
          );
        } else if (ref.optional) {
          report.pass(
            subject,
            ref.source,
            `\`${ref.path}\` is not in the repo, but optional (\`-\`): systemd starts without it`,
            ref.path,
          );
        } else {
          report.fail(
            subject,
            ref.source,
            `\`EnvironmentFile=${ref.path}\` is neither in the repo nor rendered from a \`.env.tmpl\``,
            ref.path,
          );
        }
      }
    };
    for (const unit of context.inventory.units)
      judge(subjects.unit(unit), unit.envFiles);
    for (const unit of context.inventory.systemdUnits)
      judge(subjects.systemdUnit(unit), unit.envFiles);
    return report.results;
  },
};
