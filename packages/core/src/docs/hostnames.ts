import type { Hostname } from '../inventory/types';
import { GUIDE_FILES, hostnameAnchor } from './anchors';
import { decisionsText } from './decisionRefs';
import type { GuideContext } from './guideContext';
import { blocks, code, count, heading, link, listText, text } from './markdown';
import { problemItems } from './problems';
import { chainText } from './routing';
import { unitRefText } from './dependencies';
import { field, fields, type SectionSpec } from './section';

function hostnameSection(ctx: GuideContext, host: Hostname): SectionSpec {
  const planned = ctx.plan.hostnames.get(host.hostname)!;
  const id = hostnameAnchor(planned.name);
  return {
    id,
    kind: 'hostname',
    title: host.hostname,
    path: GUIDE_FILES.hostnames,
    parent: 'hostnames',
    entityRefs: [planned.ref],
    unitIds: [],
    render(l) {
      const chains = host.chains.map(chain => `${chain.path ? `path ${code(chain.path)}: ` : ''}${chainText(chain, l)}${chain.complete ? '' : ' — **incomplete**'}`);
      const served = [...new Set(host.chains.flatMap(c => (c.container ? [c.container.unit] : [])))].map(unitId => unitRefText(ctx, l, unitId));
      const problems = problemItems(ctx, l, { key: `hostname:${host.hostname}`, files: [] });
      const publicUrl = host.hostname.startsWith('*.') ? undefined : `https://${host.hostname}/`;
      return blocks(
        heading(3, text(host.hostname), id),
        fields(
          field('URL', publicUrl ? link(code(publicUrl), publicUrl) : 'a wildcard: every name under it'),
          field('Declared by', listText(host.declaredBy.map(d => code(d)))),
          field('Route', chains.length > 0 ? chains : 'no route: nothing forwards it to a container'),
          field('Served by', served.length > 0 ? listText(served) : undefined),
          field('Verify', publicUrl ? code(`curl -sS -o /dev/null -w '%{http_code}\\n' ${publicUrl}`) : undefined),
          field('Decisions', decisionsText(ctx, l, host.decisions)),
          field('Known problems', problems.length > 0 ? problems : 'none known'),
        ),
      );
    },
  };
}

/** Every public hostname, and the chain from the edge to the container behind it. */
export function hostnameSections(ctx: GuideContext): SectionSpec[] {
  const hosts = ctx.inventory.hostnames;
  const header: SectionSpec = {
    id: 'hostnames',
    kind: 'hostnames',
    title: 'Hostnames',
    path: GUIDE_FILES.hostnames,
    entityRefs: [],
    unitIds: [],
    render() {
      return blocks(
        heading(2, 'Hostnames', 'hostnames'),
        hosts.length > 0
          ? `${count(hosts.length, 'public hostname')}. Each chain reads from the edge inward: the tunnel ingress rule, the proxy route, the upstream it names, and the container port that answers.`
          : 'The box publishes no hostname through a tunnel or proxy the portal reads.',
      );
    },
  };
  return [header, ...hosts.map(h => hostnameSection(ctx, h))];
}
