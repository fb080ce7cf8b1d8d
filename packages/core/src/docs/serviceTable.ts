import type { ImageFact } from '../inventory/types';
import { GUIDE_FILES, serviceAnchor } from './anchors';
import { serviceComponents, type ServiceComponent } from './components';
import type { GuideContext } from './guideContext';
import { blocks, code, count, heading, link, listText, table, text } from './markdown';
import { declaredBroken } from './problems';
import { hostnameRef } from './routing';
import type { SectionSpec } from './section';

/** The image a row shows: digests cut to 12 characters (the entry has the whole reference). */
function shortImage(image: ImageFact | undefined): string {
  if (!image) return '';
  const cut = image.text.replace(/@(sha256:[0-9a-f]{12})[0-9a-f]{52}$/i, '@$1…');
  return code(cut);
}

function imageOf(c: ServiceComponent): ImageFact | undefined {
  if (c.kind === 'quadlet') return c.unit.image;
  if (c.kind === 'systemd') return c.unit.images[0];
  return c.box.image;
}

function kindOf(c: ServiceComponent): string {
  if (c.kind === 'quadlet') return c.unit.type;
  if (c.kind === 'systemd') return `systemd ${c.unit.type}`;
  return 'distrobox';
}

/** "known broken, 2 findings": what the entry's known problems hold, counted. */
function problemsCell(ctx: GuideContext, c: ServiceComponent): string {
  if (c.kind === 'distrobox') return '';
  const key = c.kind === 'quadlet' ? `unit:${c.unit.id}` : `systemd-unit:${c.unit.id}`;
  const findings = ctx.findingsFor(key);
  const broken = declaredBroken(c.unit.leadingComment) !== undefined || findings.some(f => f.checkId === 'unit-known-broken' && f.status === 'fail');
  const failing = findings.filter(f => f.status === 'fail').length;
  const waived = findings.filter(f => f.status === 'waived').length;
  const files = [{ tree: c.unit.source.tree, path: c.unit.source.path }, ...c.unit.dropIns.map(d => ({ tree: d.tree, path: d.path }))];
  const diagnostics = ctx.diagnosticsIn(files).length;
  return [
    broken && '**known broken**',
    failing > 0 && count(failing, 'finding'),
    waived > 0 && `${waived} waived`,
    diagnostics > 0 && count(diagnostics, 'diagnostic'),
  ]
    .filter((p): p is string => typeof p === 'string')
    .join(', ');
}

/** The service inventory: one row per service, linked to its entry. */
export function serviceTableSection(ctx: GuideContext): SectionSpec {
  return {
    id: 'services',
    kind: 'services',
    title: 'Services',
    path: GUIDE_FILES.readme,
    entityRefs: [],
    unitIds: [],
    render(l) {
      const rows = serviceComponents(ctx).map(c => {
        const image = imageOf(c);
        const description = c.kind === 'distrobox' ? '' : text(c.unit.description ?? '');
        const hosts = c.kind === 'quadlet' ? [...new Set(ctx.routesTo(c.unit.id).map(r => r.hostname))].map(h => hostnameRef(ctx, l, h)) : [];
        const ports = c.kind === 'quadlet' ? [...new Set(c.unit.ports.map(p => String(p.hostPort ?? p.text)))].map(code) : [];
        return [
          link(code(c.name), l.to(serviceAnchor(c.name))),
          kindOf(c),
          description,
          shortImage(image),
          image?.pinTier ?? '',
          listText(hosts),
          ports.join(', '),
          problemsCell(ctx, c),
        ];
      });
      return blocks(
        heading(2, 'Services', 'services'),
        rows.length > 0
          ? `${count(rows.length, 'service')}, by name. Each links to its reference entry: image and pin, ports, routing, env and secret names, dependencies, source, known problems and how to upgrade it. *Secrets* there are podman secrets and variables whose name marks a secret; their values never appear in this guide.`
          : 'The box defines no service the portal recognises.',
        rows.length > 0 && table(['Service', 'Kind', 'Role', 'Image', 'Pin', 'Hostnames', 'Host ports', 'Problems'], rows),
      );
    },
  };
}
