import { docsAnchor, Reporter } from './report';
import { keyOf, kernelArgsToJudge } from './kernelArgs';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'kernel-arg-forbidden';

export const kernelArgForbidden: CheckDefinition = {
  id: ID,
  title: 'Forbidden kernel argument present',
  severity: 'error',
  rationale:
    'Some arguments undo what the validated setup needs (on Strix Halo `amd_iommu=off` disables the IOMMU that ' +
    '`iommu=pt` puts in pass-through). A stale argument baked into the image survives every update.',
  remediation:
    'Remove the argument from the `kargs.d` file (or mkosi `KernelCommandLine=`) that sets it.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(kernelArgForbidden, context);
    const forbidden = context.policy.kernelArgs.forbidden;
    if (forbidden.length === 0) return [];
    const subject = subjects.kernelArgs();
    const judged = kernelArgsToJudge(
      context.inventory,
      forbidden,
      report,
      subject,
    );
    if (!judged) return report.results;
    const { args, anchor } = judged;
    for (const rule of forbidden) {
      const found = args.filter(
        a =>
          keyOf(a) === rule.key &&
          (rule.value === undefined || a.value === rule.value),
      );
      if (found.length === 0) {
        report.pass(subject, anchor, `\`${rule.arg}\` is not set`, rule.arg);
      }
      for (const arg of found) {
        const from =
          arg.from === 'mkosi' ? 'mkosi KernelCommandLine=' : 'bootc kargs.d';
        report.fail(
          subject,
          arg.source,
          `forbidden kernel argument \`${arg.arg}\` is set (${from})`,
          rule.arg,
        );
      }
    }
    return report.results;
  },
};
