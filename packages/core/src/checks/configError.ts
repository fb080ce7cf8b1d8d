import { docsAnchor, Reporter } from './report';
import { fileSubject, subjectsOf } from './subjects';
import type { CheckDefinition, CheckSubject } from './types';

const ID = 'config-error';

export const configError: CheckDefinition = {
  id: ID,
  title: 'File the reading tool would refuse',
  severity: 'error',
  rationale:
    'An error while reading the box means the tool behind the file refuses it: podman skips a quadlet with an ' +
    'unknown key or a missing image (the service simply does not exist after `daemon-reload`), llama-swap and ' +
    'cloudflared refuse YAML they cannot parse, and a bad policy file leaves its rules unchecked.',
  remediation:
    'Fix the line the finding names; `quadlet-portal scan` prints every diagnostic of the box, and ' +
    '`/usr/libexec/podman/quadlet -dryrun -user` shows what podman makes of the units.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(configError, context);
    const owners = new Map<string, CheckSubject>();
    const key = (tree: string | undefined, path: string) =>
      `${tree ?? ''}\0${path}`;
    const units: {
      subject: CheckSubject;
      source: { tree: string; path: string; line: number };
    }[] = [];
    for (const unit of context.inventory.units) {
      const subject = subjects.unit(unit);
      units.push({ subject, source: unit.source });
      owners.set(key(unit.source.tree, unit.source.path), subject);
      for (const d of unit.dropIns) owners.set(key(d.tree, d.path), subject);
    }
    for (const unit of context.inventory.systemdUnits) {
      const subject = subjects.systemdUnit(unit);
      units.push({ subject, source: unit.source });
      owners.set(key(unit.source.tree, unit.source.path), subject);
      for (const d of unit.dropIns) owners.set(key(d.tree, d.path), subject);
    }
    const failing = new Set<string>();
    const diagnostics = [
      ...context.inventory.diagnostics,
      ...(context.policyDiagnostics ?? []),
    ];
    for (const d of diagnostics) {
      if (d.severity !== 'error') continue;
      const subject =
        owners.get(key(d.tree, d.file)) ??
        fileSubject(d.tree, d.file || '(box)');
      failing.add(subject.id);
      report.fail(
        subject,
        { tree: d.tree, path: d.file || '(box)', line: d.line || 1 },
        `${d.code}: ${d.message}`,
        `${d.code} ${d.message}`,
      );
    }
    for (const { subject, source } of units) {
      if (!failing.has(subject.id))
        report.pass(subject, source, `${subject.name} reads without errors`);
    }
    return report.results;
  },
};
