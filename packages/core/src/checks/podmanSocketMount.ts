import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'podman-socket-mount';

const SOCKET = /(^|\/)(podman|docker)\.sock$/;

export const podmanSocketMount: CheckDefinition = {
  id: ID,
  title: 'Container mounts the podman (or docker) socket',
  severity: 'warning',
  rationale:
    "The container engine's socket is the keys to every container of its user: whoever controls the container " +
    'can start, stop or exec into all the others. Mount it only where a tool really drives podman, and remove ' +
    'mounts left from an earlier setup.',
  remediation:
    'Remove the `Volume=…podman.sock:…` line, or keep it with a waiver that names the decision that needs it.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(podmanSocketMount, context);
    for (const unit of context.inventory.units) {
      if (unit.type !== 'container') continue;
      const subject = subjects.unit(unit);
      let found = 0;
      for (const volume of unit.volumes) {
        if (volume.kind !== 'host' || !volume.from || !SOCKET.test(volume.from))
          continue;
        found++;
        report.fail(
          subject,
          volume.source,
          `\`Volume=${volume.text}\` hands ${unit.name} the container engine socket`,
          volume.from,
        );
      }
      for (const mount of unit.otherKeys.filter(
        k => k.key === 'Mount' && /(podman|docker)\.sock(,|$)/.test(k.value),
      )) {
        found++;
        report.fail(
          subject,
          mount.source,
          `\`Mount=${mount.value}\` hands ${unit.name} the container engine socket`,
          mount.value,
        );
      }
      if (found === 0)
        report.pass(
          subject,
          unit.source,
          `${unit.name} does not mount the engine socket`,
        );
    }
    return report.results;
  },
};
