import { chezmoiSourceEntry } from '../../formats/chezmoi';
import { isWellKnownUnit } from '../../inventory/wellKnownUnits';
import type {
  BoxTree,
  Inventory,
  PublishedPort,
  SourceRef,
} from '../../inventory/types';
import { addIngressRule, commonIngressService } from './cloudflaredIngress';
import { formatPortRange, type InputProblem } from './inputRules';
import type { NewQuadletSpec } from './newQuadletSpec';
import {
  renderCaddyRoute,
  renderContainerUnit,
  renderEnvTemplate,
  renderNetworkUnit,
  renderTargetUnit,
  renderVolumeUnit,
} from './renderUnits';

/** One file the new unit set writes: created, or (the cloudflared config) updated. */
export interface PlannedFile {
  tree: string;
  /** Path in the tree. */
  path: string;
  content: Buffer;
  change: 'create' | 'update';
  /** What it is, for summaries: `container unit`, `volume`, `Caddy route`… */
  what: string;
}

export interface NewQuadletPlan {
  /** The tree the units go into. */
  tree: string;
  files: PlannedFile[];
  /** Things a reviewer should know (no cloudflared config found…). */
  notes: string[];
}

export type NewQuadletPlanResult =
  | { ok: true; plan: NewQuadletPlan }
  | { ok: false; problems: InputProblem[] };

export interface PlanNewQuadletOptions {
  /** The `Image=` value: the spec's reference pinned by digest (the caller asked the registry). */
  image: string;
  /** Tree for the units, route and env template; default the first dotfiles tree, else the first. */
  tree?: string;
}

/** The default cloudflared `service:` when the config has no hostname rule to copy it from. */
const DEFAULT_INGRESS_SERVICE = 'http://127.0.0.1:80';

function where(source: SourceRef): string {
  return `${source.tree}:${source.path}:${source.line}`;
}

/** Podman publishes on every address when none is written; such a port clashes with any host IP. */
function portClash(
  existing: PublishedPort,
  hostIp: string,
  first: number,
  last: number,
  protocol: string,
): boolean {
  if (existing.hostPort === undefined || existing.protocol !== protocol)
    return false;
  const ip = existing.hostIp ?? '0.0.0.0';
  if (ip !== hostIp && ip !== '0.0.0.0' && hostIp !== '0.0.0.0') return false;
  // A range published elsewhere shows its first port; its text holds the rest.
  const range = /:(\d+)-(\d+):/.exec(existing.text);
  const start = existing.hostPort;
  const end = range ? Number(range[2]) : start;
  return start <= last && first <= end;
}

/**
 * Plans the files of a new quadlet in an existing box: the `.container` (with the given,
 * pinned image), one `.volume` per volume, the network and install target when the box has
 * none, the `.env.tmpl` with variable names, and for a hostname a Caddy route and a
 * cloudflared ingress rule. Pure: `trees` and `inventory` are the box as it is now.
 *
 * Refuses (field and rule) anything that would overwrite or shadow what the box has: an
 * existing unit, container name, volume, file, hostname or published host port.
 */
export function planNewQuadlet(
  trees: readonly BoxTree[],
  inventory: Inventory,
  spec: NewQuadletSpec,
  options: PlanNewQuadletOptions,
): NewQuadletPlanResult {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const tree =
    (options.tree !== undefined
      ? trees.find(t => t.name === options.tree)
      : trees.find(t => t.role === 'dotfiles')) ??
    (options.tree === undefined ? trees[0] : undefined);
  if (!tree) {
    return {
      ok: false,
      problems: [
        {
          field: 'tree',
          rule: options.tree
            ? `the box has no tree named ${options.tree}`
            : 'the box has no tree to add units to',
        },
      ],
    };
  }
  const summary = inventory.trees.find(t => t.name === tree.name);
  const files: PlannedFile[] = [];
  const pathsInTree = (name: string) =>
    new Set(trees.find(t => t.name === name)?.files.map(f => f.path) ?? []);
  const existing = pathsInTree(tree.name);
  const add = (field: string, path: string, content: string, what: string) => {
    if (existing.has(path)) {
      problems.push({
        field,
        rule: `${tree.name}:${path} already exists; an existing file is never overwritten`,
      });
      return;
    }
    files.push({
      tree: tree.name,
      path,
      content: Buffer.from(content, 'utf8'),
      change: 'create',
      what,
    });
  };

  // The unit itself: no unit, service or container of that name may exist anywhere in the box.
  const containerFile = `${spec.name}.container`;
  const service = `${spec.name}.service`;
  const sameUnit = inventory.units.find(
    u => u.name === containerFile || u.serviceName === service,
  );
  const sameSystemd = inventory.systemdUnits.find(u => u.name === service);
  const sameContainer = inventory.units.find(
    u => u.type === 'container' && u.resourceName === spec.name,
  );
  if (sameUnit || sameSystemd) {
    const found = (sameUnit ?? sameSystemd)!;
    problems.push({
      field: 'name',
      rule: `the box already has ${found.name} (${where(
        found.source,
      )}); an existing unit is never overwritten`,
    });
  } else if (sameContainer) {
    problems.push({
      field: 'name',
      rule: `${sameContainer.name} (${where(
        sameContainer.source,
      )}) already runs a container named ${spec.name}`,
    });
  }
  // Everything else is named after the unit: its clashes would only repeat this one.
  if (problems.length > 0) return { ok: false, problems };

  const clashingVolumes = new Set<string>();
  spec.volumes.forEach((volume, i) => {
    const file = `${volume.volume}.volume`;
    const same = inventory.units.find(
      u =>
        u.name === file ||
        (u.type === 'volume' && u.resourceName === volume.volume),
    );
    if (same) {
      clashingVolumes.add(volume.volume);
      problems.push({
        field: `volumes[${i}].name`,
        rule: `the box already has ${same.name} (${where(
          same.source,
        )}); an existing unit is never overwritten`,
      });
    }
  });

  spec.ports.forEach((port, i) => {
    for (const unit of inventory.units) {
      const clash = unit.ports.find(p =>
        portClash(
          p,
          port.hostIp,
          port.host.first,
          port.host.last,
          port.protocol,
        ),
      );
      if (clash) {
        problems.push({
          field: `ports[${i}].hostPort`,
          rule: `${formatPortRange(port.host)}/${
            port.protocol
          } is already published by ${unit.name} (${where(clash.source)})`,
        });
        return;
      }
    }
  });

  let envFile: string | undefined;
  if (spec.environment.length > 0) {
    const path = `${spec.envDirectory}/${spec.name}.env.tmpl`;
    const entry = chezmoiSourceEntry(path, summary?.chezmoiRoot ?? '');
    if (summary?.chezmoiRoot === undefined || entry.targetPath === null) {
      problems.push({
        field: 'envDirectory',
        rule: `${path} is not a file chezmoi renders into the home folder (the tree has ${
          summary?.chezmoiRoot === undefined
            ? 'no .chezmoiroot'
            : `chezmoi root "${summary.chezmoiRoot}"`
        })`,
      });
    } else {
      envFile = `%h/${entry.targetPath}`;
      add(
        'environment',
        path,
        renderEnvTemplate(spec, `~/${entry.targetPath}`),
        'env template (variable names only)',
      );
    }
  }

  add(
    'name',
    `${spec.quadletDirectory}/${containerFile}`,
    renderContainerUnit(spec, options.image, envFile),
    'container unit',
  );
  for (const volume of spec.volumes) {
    // Already reported above, by the unit it would shadow.
    if (clashingVolumes.has(volume.volume)) continue;
    add(
      'volumes',
      `${spec.quadletDirectory}/${volume.volume}.volume`,
      renderVolumeUnit(spec, volume),
      'volume',
    );
  }

  const networkFile = `${spec.network}.network`;
  if (!inventory.units.some(u => u.name === networkFile)) {
    add(
      'network',
      `${spec.quadletDirectory}/${networkFile}`,
      renderNetworkUnit(spec),
      'network (the box had none of that name)',
    );
  }

  const hasTarget =
    isWellKnownUnit(spec.target) ||
    inventory.systemdUnits.some(u => u.name === spec.target);
  if (!hasTarget) {
    add(
      'target',
      `${spec.targetDirectory}/${spec.target}`,
      renderTargetUnit(spec),
      'install target (the box had none of that name)',
    );
  }

  if (spec.hostname !== undefined && spec.routePort !== undefined) {
    const known = inventory.hostnames.find(h => h.hostname === spec.hostname);
    if (known) {
      problems.push({
        field: 'hostname',
        rule: `${spec.hostname} is already declared by ${known.declaredBy.join(
          ' and ',
        )} (${known.sources.map(where).join(', ')})`,
      });
    }
    add(
      'hostname',
      `${spec.caddyRoutesDirectory}/${spec.name}.caddy`,
      renderCaddyRoute({
        ...spec,
        hostname: spec.hostname,
        routePort: spec.routePort,
      }),
      'Caddy route',
    );
    if (inventory.caddy.length === 0) {
      notes.push(
        `The box has no Caddyfile: ${spec.caddyRoutesDirectory}/${spec.name}.caddy is written, but nothing imports it yet.`,
      );
    }
    planIngress(trees, inventory, spec, files, problems, notes);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { tree: tree.name, files, notes } };
}

function planIngress(
  trees: readonly BoxTree[],
  inventory: Inventory,
  spec: NewQuadletSpec,
  files: PlannedFile[],
  problems: InputProblem[],
  notes: string[],
): void {
  const hostname = spec.hostname!;
  let config: { tree: string; path: string } | undefined;
  if (spec.cloudflaredConfig !== undefined) {
    const colon = spec.cloudflaredConfig.indexOf(':');
    const wanted =
      colon > 0
        ? {
            tree: spec.cloudflaredConfig.slice(0, colon),
            path: spec.cloudflaredConfig.slice(colon + 1),
          }
        : { tree: undefined, path: spec.cloudflaredConfig };
    const holder = trees.find(
      t =>
        (wanted.tree === undefined || t.name === wanted.tree) &&
        t.files.some(f => f.path === wanted.path),
    );
    if (!holder) {
      problems.push({
        field: 'cloudflaredConfig',
        rule: `no tree of the box has ${spec.cloudflaredConfig}`,
      });
      return;
    }
    config = { tree: holder.name, path: wanted.path };
  } else if (inventory.cloudflared.length === 1) {
    config = inventory.cloudflared[0];
  } else if (inventory.cloudflared.length > 1) {
    problems.push({
      field: 'cloudflaredConfig',
      rule: `the box has ${
        inventory.cloudflared.length
      } cloudflared configs (${inventory.cloudflared
        .map(c => `${c.tree}:${c.path}`)
        .join(', ')}): name the one to edit`,
    });
    return;
  } else {
    notes.push(
      `The box has no cloudflared config: add an ingress rule for ${hostname} where its tunnel is configured.`,
    );
    return;
  }
  const file = trees
    .find(t => t.name === config!.tree)
    ?.files.find(f => f.path === config!.path);
  if (!file) {
    problems.push({
      field: 'cloudflaredConfig',
      rule: `${config.tree}:${config.path} could not be read`,
    });
    return;
  }
  const text = file.content.toString('utf8');
  const service =
    spec.ingressService ??
    commonIngressService(text) ??
    DEFAULT_INGRESS_SERVICE;
  const edit = addIngressRule(text, hostname, service);
  if (!edit.ok) {
    problems.push({
      field: 'hostname',
      rule: `cannot add an ingress rule to ${config.tree}:${config.path}: ${edit.reason}`,
    });
    return;
  }
  files.push({
    tree: config.tree,
    path: config.path,
    content: Buffer.from(edit.text, 'utf8'),
    change: 'update',
    what: `cloudflared ingress rule (line ${edit.line}, service ${service})`,
  });
}
