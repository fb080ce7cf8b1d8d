import type { ImageReference } from '../../image';
import {
  containerPath,
  controlCharacterProblems,
  documentationUrl,
  environmentName,
  formatPortRange,
  hostname,
  imageReference,
  ipv4,
  name,
  NAME_PATTERN,
  portCount,
  portRange,
  relativePath,
  serviceUrl,
  targetName,
  unitText,
  type InputProblem,
  type PortRange,
  type RuleResult,
} from './inputRules';

/** What a wizard or a script asks for, before any check (every field may be anything). */
export interface NewQuadletInput {
  /** Box name: default network (`<box>.network`), target (`<box>.target`) and env folder. */
  box: string;
  /** Unit name: `<name>.container`, `ContainerName=<name>`, `<name>.caddy`. */
  name: string;
  description?: string;
  documentation?: string;
  /** Registry reference with a tag (it gets pinned by digest) or already pinned. */
  image: string;
  ports?: {
    hostPort: number | string;
    containerPort: number | string;
    protocol?: string;
    /** Host address to publish on; default 127.0.0.1 (Caddy and cloudflared are local). */
    hostIp?: string;
  }[];
  /** Each becomes `<name>-<volume name>.volume`, mounted at `containerPath`. */
  volumes?: { name: string; containerPath: string; readOnly?: boolean }[];
  /** Variable names for the `.env.tmpl` (values never pass through the portal). */
  environment?: string[];
  /** Public hostname: a Caddy route and a cloudflared ingress rule. */
  hostname?: string;
  /** Container port Caddy proxies to; defaults to the first published container port. */
  routePort?: number | string;
  /** Network unit name without `.network`; default the box name. */
  network?: string;
  /** `WantedBy=`; default `<box>.target`. */
  target?: string;
  quadletDirectory?: string;
  caddyRoutesDirectory?: string;
  envDirectory?: string;
  targetDirectory?: string;
  /** cloudflared `service:` for the new rule; default the one the other hostnames use. */
  ingressService?: string;
  /** The cloudflared config to edit, `tree:path` or a path; default the box's only one. */
  cloudflaredConfig?: string;
}

export interface PortSpec {
  hostIp: string;
  host: PortRange;
  container: PortRange;
  protocol: 'tcp' | 'udp';
}

export interface VolumeSpec {
  /** As given: `data`. */
  name: string;
  /** Volume unit base name and podman volume name: `<unit>-data`. */
  volume: string;
  containerPath: string;
  readOnly: boolean;
}

/** A checked request: every value is safe to write into a unit, a Caddyfile and YAML. */
export interface NewQuadletSpec {
  box: string;
  name: string;
  description: string;
  documentation?: string;
  image: ImageReference;
  ports: PortSpec[];
  volumes: VolumeSpec[];
  environment: string[];
  hostname?: string;
  routePort?: number;
  network: string;
  target: string;
  quadletDirectory: string;
  caddyRoutesDirectory: string;
  envDirectory: string;
  targetDirectory: string;
  ingressService?: string;
  cloudflaredConfig?: string;
}

export type NewQuadletSpecResult =
  | { ok: true; spec: NewQuadletSpec }
  | { ok: false; problems: InputProblem[] };

export const DEFAULT_LAYOUT = {
  quadletDirectory: 'home/dot_config/containers/systemd',
  caddyRoutesDirectory: 'home/dot_config/caddy/routes',
  /** `{box}` is replaced by the box name. */
  envDirectory: 'home/dot_config/{box}',
  targetDirectory: 'home/dot_config/systemd/user',
} as const;

const MAX_PORTS = 32;
const MAX_VOLUMES = 32;
const MAX_VARIABLES = 128;

/** Optional form fields arrive as `''` when left blank. */
function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function overlaps(a: PortSpec, b: PortSpec): boolean {
  return (
    a.protocol === b.protocol &&
    a.hostIp === b.hostIp &&
    a.host.first <= b.host.last &&
    b.host.first <= a.host.last
  );
}

/**
 * Checks a new-quadlet request field by field and returns every problem at once (field and
 * rule), or the normalised spec. Nothing here trusts the input: it may come from a form, a
 * query string or a script.
 */
export function validateNewQuadletInput(input: unknown): NewQuadletSpecResult {
  if (!isRecord(input)) {
    return {
      ok: false,
      problems: [{ field: 'input', rule: 'must be an object' }],
    };
  }
  // Control characters anywhere are reported once, with the exact field, before other rules.
  const control = controlCharacterProblems(input, '');
  if (control.length > 0) return { ok: false, problems: control };

  const problems: InputProblem[] = [];
  const take = <T>(result: RuleResult<T>): T | undefined => {
    if (result.ok) return result.value;
    problems.push(result.problem);
    return undefined;
  };

  const box = take(name('box', input.box));
  const unit = take(name('name', input.name));
  const description = given(input.description)
    ? take(unitText('description', input.description))
    : unit;
  const documentation = given(input.documentation)
    ? take(documentationUrl('documentation', input.documentation))
    : undefined;
  const image = take(imageReference('image', input.image));

  const ports: PortSpec[] = [];
  if (given(input.ports)) {
    if (!Array.isArray(input.ports)) {
      problems.push({ field: 'ports', rule: 'must be a list' });
    } else if (input.ports.length > MAX_PORTS) {
      problems.push({
        field: 'ports',
        rule: `must hold at most ${MAX_PORTS} entries`,
      });
    } else {
      input.ports.forEach((raw: unknown, i: number) => {
        const field = `ports[${i}]`;
        if (!isRecord(raw)) {
          problems.push({ field, rule: 'must be an object' });
          return;
        }
        const host = take(portRange(`${field}.hostPort`, raw.hostPort));
        const container = take(
          portRange(`${field}.containerPort`, raw.containerPort),
        );
        const hostIp = given(raw.hostIp)
          ? take(ipv4(`${field}.hostIp`, raw.hostIp))
          : '127.0.0.1';
        let protocol: 'tcp' | 'udp' | undefined = 'tcp';
        if (given(raw.protocol)) {
          if (raw.protocol === 'tcp' || raw.protocol === 'udp') {
            protocol = raw.protocol;
          } else {
            protocol = undefined;
            problems.push({
              field: `${field}.protocol`,
              rule: 'must be tcp or udp',
            });
          }
        }
        if (!host || !container || !hostIp || !protocol) return;
        if (
          host.first !== host.last &&
          portCount(host) !== portCount(container)
        ) {
          problems.push({
            field: `${field}.containerPort`,
            rule: `must be a range of the same length as hostPort ${formatPortRange(
              host,
            )} (${portCount(host)} ports)`,
          });
          return;
        }
        if (host.first === host.last && container.first !== container.last) {
          problems.push({
            field: `${field}.containerPort`,
            rule: 'a range of container ports needs a host range of the same length',
          });
          return;
        }
        const spec: PortSpec = { hostIp, host, container, protocol };
        const clash = ports.findIndex(p => overlaps(p, spec));
        if (clash >= 0) {
          problems.push({
            field: `${field}.hostPort`,
            rule: `must not overlap ports[${clash}] (${formatPortRange(
              ports[clash].host,
            )}/${protocol})`,
          });
          return;
        }
        ports.push(spec);
      });
    }
  }

  const volumes: VolumeSpec[] = [];
  if (given(input.volumes)) {
    if (!Array.isArray(input.volumes)) {
      problems.push({ field: 'volumes', rule: 'must be a list' });
    } else if (input.volumes.length > MAX_VOLUMES) {
      problems.push({
        field: 'volumes',
        rule: `must hold at most ${MAX_VOLUMES} entries`,
      });
    } else {
      input.volumes.forEach((raw: unknown, i: number) => {
        const field = `volumes[${i}]`;
        if (!isRecord(raw)) {
          problems.push({ field, rule: 'must be an object' });
          return;
        }
        const volumeName = take(name(`${field}.name`, raw.name));
        const path = take(
          containerPath(`${field}.containerPath`, raw.containerPath),
        );
        if (given(raw.readOnly) && typeof raw.readOnly !== 'boolean') {
          problems.push({
            field: `${field}.readOnly`,
            rule: 'must be true or false',
          });
          return;
        }
        if (!volumeName || !path || !unit) return;
        const full = `${unit}-${volumeName}`;
        if (!NAME_PATTERN.test(full)) {
          problems.push({
            field: `${field}.name`,
            rule: `"${unit}-${volumeName}" (unit name, dash, volume name) must match ${NAME_PATTERN.source}, so at most 63 characters`,
          });
          return;
        }
        if (volumes.some(v => v.volume === full)) {
          problems.push({
            field: `${field}.name`,
            rule: `must be unique (volume "${volumeName}" is listed twice)`,
          });
          return;
        }
        if (volumes.some(v => v.containerPath === path)) {
          problems.push({
            field: `${field}.containerPath`,
            rule: `must be unique (${path} is mounted twice)`,
          });
          return;
        }
        volumes.push({
          name: volumeName,
          volume: full,
          containerPath: path,
          readOnly: raw.readOnly === true,
        });
      });
    }
  }

  const environment: string[] = [];
  if (given(input.environment)) {
    if (!Array.isArray(input.environment)) {
      problems.push({ field: 'environment', rule: 'must be a list of names' });
    } else if (input.environment.length > MAX_VARIABLES) {
      problems.push({
        field: 'environment',
        rule: `must hold at most ${MAX_VARIABLES} names`,
      });
    } else {
      input.environment.forEach((raw: unknown, i: number) => {
        const variable = take(environmentName(`environment[${i}]`, raw));
        if (variable === undefined) return;
        if (environment.includes(variable)) {
          problems.push({
            field: `environment[${i}]`,
            rule: `must be unique (${variable} is listed twice)`,
          });
          return;
        }
        environment.push(variable);
      });
    }
  }

  const publicName = given(input.hostname)
    ? take(hostname('hostname', input.hostname))
    : undefined;
  let routePort: number | undefined;
  if (given(input.routePort)) {
    const range = take(portRange('routePort', input.routePort));
    if (range && range.first !== range.last) {
      problems.push({ field: 'routePort', rule: 'must be a single port' });
    } else if (range) {
      routePort = range.first;
    }
  } else if (publicName !== undefined && ports.length > 0) {
    routePort = ports[0].container.first;
  }
  // Only when no port was asked for at all: invalid ports are reported on their own.
  const noPortsAsked =
    !given(input.ports) ||
    (Array.isArray(input.ports) && input.ports.length === 0);
  if (given(input.hostname) && !given(input.routePort) && noPortsAsked) {
    problems.push({
      field: 'routePort',
      rule: 'is required with a hostname when no port is published (the container port Caddy proxies to)',
    });
  }

  const network = given(input.network)
    ? take(name('network', input.network))
    : box;
  const target = given(input.target)
    ? take(targetName('target', input.target))
    : box && `${box}.target`;
  const directory = (
    field: keyof typeof DEFAULT_LAYOUT,
  ): string | undefined => {
    const raw = input[field];
    const fallback = DEFAULT_LAYOUT[field].replace('{box}', box ?? '');
    return given(raw) ? take(relativePath(field, raw)) : fallback;
  };
  const quadletDirectory = directory('quadletDirectory');
  const caddyRoutesDirectory = directory('caddyRoutesDirectory');
  const envDirectory = directory('envDirectory');
  const targetDirectory = directory('targetDirectory');
  const ingressService = given(input.ingressService)
    ? take(serviceUrl('ingressService', input.ingressService))
    : undefined;
  let cloudflaredConfig: string | undefined;
  if (given(input.cloudflaredConfig)) {
    const raw = String(input.cloudflaredConfig);
    const colon = raw.indexOf(':');
    const treePart = colon > 0 ? raw.slice(0, colon) : undefined;
    const pathPart = colon > 0 ? raw.slice(colon + 1) : raw;
    if (treePart !== undefined && !/^[A-Za-z0-9._-]+$/.test(treePart)) {
      problems.push({
        field: 'cloudflaredConfig',
        rule: 'the tree name before ":" may use only letters, digits, ".", "_" and "-"',
      });
    } else {
      const path = take(relativePath('cloudflaredConfig', pathPart));
      if (path) cloudflaredConfig = treePart ? `${treePart}:${path}` : path;
    }
  }

  if (
    problems.length > 0 ||
    !box ||
    !unit ||
    !description ||
    !image ||
    !network ||
    !target ||
    !quadletDirectory ||
    !caddyRoutesDirectory ||
    !envDirectory ||
    !targetDirectory
  ) {
    return { ok: false, problems };
  }
  const spec: NewQuadletSpec = {
    box,
    name: unit,
    description,
    image,
    ports,
    volumes,
    environment,
    network,
    target,
    quadletDirectory,
    caddyRoutesDirectory,
    envDirectory,
    targetDirectory,
  };
  if (documentation) spec.documentation = documentation;
  if (publicName) spec.hostname = publicName;
  if (routePort !== undefined) spec.routePort = routePort;
  if (ingressService) spec.ingressService = ingressService;
  if (cloudflaredConfig) spec.cloudflaredConfig = cloudflaredConfig;
  return { ok: true, spec };
}

/** `field: rule` lines, for errors and logs. */
export function formatInputProblems(problems: readonly InputProblem[]): string {
  return problems.map(p => `${p.field}: ${p.rule}`).join('\n');
}
