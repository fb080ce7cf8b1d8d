import { formatPortRange } from './inputRules';
import type { NewQuadletSpec, PortSpec, VolumeSpec } from './newQuadletSpec';

/**
 * systemd expands `%` specifiers in most values; a literal percent sign is written `%%`.
 * Values reaching here are already single-line and backslash-free (inputRules).
 */
export function unitValue(text: string): string {
  return text.replace(/%/g, '%%');
}

function lines(...groups: (string | false | undefined)[][]): string {
  return `${groups
    .map(group => group.filter((l): l is string => typeof l === 'string'))
    .filter(group => group.length > 0)
    .map(group => group.join('\n'))
    .join('\n\n')}\n`;
}

export function publishPortValue(port: PortSpec): string {
  const suffix = port.protocol === 'udp' ? '/udp' : '';
  return `${port.hostIp}:${formatPortRange(port.host)}:${formatPortRange(
    port.container,
  )}${suffix}`;
}

export function volumeMountValue(volume: VolumeSpec): string {
  return `${volume.volume}.volume:${volume.containerPath}${
    volume.readOnly ? ':ro' : ''
  }`;
}

/**
 * The `.container` unit. `image` is the reference to write (pinned by the caller);
 * `envFile` the `EnvironmentFile=` path when the unit has variables.
 */
export function renderContainerUnit(
  spec: NewQuadletSpec,
  image: string,
  envFile?: string,
): string {
  return lines(
    [
      `# ${unitValue(spec.description)}`,
      spec.hostname && `# Served at ${spec.hostname}.`,
      '# Added with the quadlet-portal "new quadlet" wizard.',
    ],
    [
      '[Unit]',
      `Description=${unitValue(spec.description)}`,
      spec.documentation && `Documentation=${unitValue(spec.documentation)}`,
    ],
    [
      '[Container]',
      `ContainerName=${spec.name}`,
      `Image=${image}`,
      `Network=${spec.network}.network`,
      ...spec.ports.map(p => `PublishPort=${publishPortValue(p)}`),
      envFile && `EnvironmentFile=${envFile}`,
      ...spec.volumes.map(v => `Volume=${volumeMountValue(v)}`),
    ],
    ['[Service]', 'Restart=always'],
    ['[Install]', `WantedBy=${spec.target}`],
  );
}

export function renderVolumeUnit(
  spec: NewQuadletSpec,
  volume: VolumeSpec,
): string {
  return lines(
    [`# ${volume.containerPath} of ${spec.name}.`],
    ['[Volume]', `VolumeName=${volume.volume}`],
  );
}

export function renderNetworkUnit(spec: NewQuadletSpec): string {
  return lines(
    [
      `# The network the ${spec.box} quadlets join; containers find each other by ContainerName=.`,
    ],
    ['[Unit]', `Description=${unitValue(spec.box)} application network`],
    ['[Network]', `NetworkName=${spec.network}`],
  );
}

export function renderTargetUnit(spec: NewQuadletSpec): string {
  return lines(
    [
      `# Every unit of the ${spec.box} stack is WantedBy=${spec.target}; enabling it starts the stack.`,
    ],
    ['[Unit]', `Description=${unitValue(spec.box)} application stack`],
    ['[Install]', 'WantedBy=default.target'],
  );
}

/** The env template: variable names with empty values; the secrets are filled in chezmoi. */
export function renderEnvTemplate(
  spec: NewQuadletSpec,
  renderedTo: string,
): string {
  return lines(
    [
      `# Rendered by chezmoi to ${renderedTo}, the EnvironmentFile= of ${spec.name}.container.`,
      '# Names only: fill each value with a chezmoi template function reading your',
      '# secret manager, as the other *.env.tmpl files do. Never commit a value.',
    ],
    spec.environment.map(v => `${v}=`),
  );
}

/** A Caddy route file, in the shape `import routes/*.caddy` expects: a host matcher and a handle. */
export function renderCaddyRoute(
  spec: NewQuadletSpec & { hostname: string; routePort: number },
): string {
  return lines(
    [`# ${spec.hostname} -> ${spec.description}.`],
    [
      `@${spec.name} host ${spec.hostname}`,
      `handle @${spec.name} {`,
      `\treverse_proxy ${spec.name}:${spec.routePort}`,
      '}',
    ],
  );
}
