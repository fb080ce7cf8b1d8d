import type { KernelArg } from '../inventory/types';
import { GUIDE_FILES } from './anchors';
import { decisionsText } from './decisionRefs';
import type { GuideContext } from './guideContext';
import { blocks, bullets, code, count, heading, listText, quote, table } from './markdown';
import { problemItems } from './problems';
import type { SectionSpec } from './section';

/** Kernel arguments by file, each file with the reasons written in its comments. */
export function kernelArgsSection(ctx: GuideContext): SectionSpec {
  const args = ctx.inventory.kernelArgs;
  return {
    id: 'kernel-args',
    kind: 'kernel-args',
    title: 'Kernel arguments',
    path: GUIDE_FILES.kernelArgs,
    entityRefs: ctx.plan.kernelArgs ? [ctx.plan.kernelArgs.ref] : [],
    unitIds: [],
    render(l) {
      const byFile = new Map<string, KernelArg[]>();
      for (const arg of args) {
        const key = `${arg.source.tree}\0${arg.source.path}`;
        byFile.set(key, [...(byFile.get(key) ?? []), arg]);
      }
      const files = [...byFile.values()].map(list => {
        const first = list[0];
        const arches = [...new Set(list.flatMap(a => a.architectures))].sort();
        const how = first.from === 'kargs.d' ? 'bootc `kargs.d` file: applied when the image is deployed' : 'mkosi `KernelCommandLine=`';
        const rationales = [...new Set(list.map(a => a.rationale.trim()).filter(r => r !== ''))];
        const rows = list.map(a => [code(a.arg), code(a.key), a.value !== undefined ? code(a.value) : '', l.short(a.source), decisionsText(ctx, l, a.decisions) ?? '']);
        return blocks(
          heading(3, l.place({ tree: first.source.tree, path: first.source.path })),
          `${how}${arches.length > 0 ? `; only on ${listText(arches.map(code))}` : ''}.`,
          table(['Argument', 'Key', 'Value', 'Line', 'Decisions'], rows),
          rationales.length > 0 ? `Why, as the file says:\n\n${rationales.map(quote).join('\n\n')}` : 'The file gives no reason in its comments.',
        );
      });
      const problems = problemItems(ctx, l, {
        key: 'kernel-args:kernel-args',
        files: [...new Map(args.map(a => [`${a.source.tree}:${a.source.path}`, { tree: a.source.tree, path: a.source.path }])).values()],
      });
      return blocks(
        heading(2, 'Kernel arguments', 'kernel-args'),
        args.length > 0
          ? `${count(args.length, 'argument')} the OS image adds to the kernel command line. Check them on the box with ${code('cat /proc/cmdline')}.`
          : 'The OS image adds no kernel argument (or no OS tree was read).',
        ...files,
        problems.length > 0 && `${heading(3, 'Known problems')}\n\n${bullets(problems)}`,
      );
    },
  };
}

