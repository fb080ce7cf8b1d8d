import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'hostname-route-broken';

export const hostnameRouteBroken: CheckDefinition = {
  id: ID,
  title: 'Public hostname without a working route to a container',
  severity: 'error',
  rationale:
    'A public hostname is a promise: the tunnel ingress, the Caddy route and the upstream container must line up. ' +
    'An ingress without a Caddy route, or a route to a container name or port nothing in the box serves, answers ' +
    'with a 404 or 502 while every unit looks healthy.',
  remediation:
    'Add the missing hop: a Caddy route for the hostname, `ContainerName=` (or a network alias) matching the ' +
    'upstream, or `PublishPort=` for a `host.containers.internal:<port>` upstream.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(hostnameRouteBroken, context);
    for (const hostname of context.inventory.hostnames) {
      const subject = subjects.hostname(hostname);
      if (hostname.chains.length === 0) {
        report.fail(
          subject,
          hostname.sources[0],
          `${hostname.hostname} is declared by ${hostname.declaredBy.join(
            ' and ',
          )} but no route serves it`,
        );
        continue;
      }
      let broken = 0;
      for (const chain of hostname.chains) {
        if (chain.complete) continue;
        broken++;
        const where =
          chain.proxy?.source ?? chain.ingress?.source ?? hostname.sources[0];
        const reasons =
          chain.unresolved.map(u => `${u.hop}: ${u.reason}`).join('; ') ||
          'the chain stops before a container';
        report.fail(
          subject,
          where,
          `${hostname.hostname}${
            chain.path ? ` (${chain.path})` : ''
          }: ${reasons}`,
          chain.path ?? '/',
        );
      }
      if (broken === 0) {
        const targets = hostname.chains.map(
          c =>
            `${c.container?.name ?? '?'}:${
              c.container?.port ?? c.upstream?.port ?? '?'
            }`,
        );
        report.pass(
          subject,
          hostname.sources[0],
          `${hostname.hostname} reaches ${[...new Set(targets)].join(', ')}`,
        );
      }
    }
    return report.results;
  },
};
