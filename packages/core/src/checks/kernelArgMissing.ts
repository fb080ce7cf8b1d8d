import { docsAnchor, Reporter } from './report';
import { keyOf, kernelArgsToJudge } from './kernelArgs';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'kernel-arg-missing';

export const kernelArgMissing: CheckDefinition = {
  id: ID,
  title: 'Required kernel argument missing',
  severity: 'error',
  rationale:
    'Some hardware only works as validated with specific kernel arguments (on Strix Halo: `iommu=pt`, ' +
    '`amdgpu.gttsize=…`, `ttm.pages_limit=…` give the iGPU its memory pool). They belong in the image (bootc ' +
    '`kargs.d`), not in per-host tuning, so every install boots the same way.',
  remediation:
    "Add the argument, with the policy's value, to a `usr/lib/bootc/kargs.d/*.toml` file of the OS repo (or to " +
    'mkosi `KernelCommandLine=`), and drop any other value of the same key.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(kernelArgMissing, context);
    const required = context.policy.kernelArgs.required;
    if (required.length === 0) return [];
    const subject = subjects.kernelArgs();
    const judged = kernelArgsToJudge(
      context.inventory,
      required,
      report,
      subject,
    );
    if (!judged) return report.results;
    const { args, anchor } = judged;
    for (const rule of required) {
      // The kernel keeps the last value of a repeated key.
      const last = [...args].reverse().find(a => keyOf(a) === rule.key);
      if (last && (rule.value === undefined || last.value === rule.value)) {
        report.pass(subject, last.source, `\`${last.arg}\` is set`, rule.arg);
      } else if (last) {
        report.fail(
          subject,
          last.source,
          `\`${last.arg}\` is set; the policy requires \`${rule.arg}\``,
          rule.arg,
        );
      } else {
        report.fail(
          subject,
          anchor,
          `required kernel argument \`${rule.arg}\` is missing`,
          rule.arg,
        );
      }
    }
    return report.results;
  },
};
