/**
 * Keys each quadlet section accepts, transcribed from podman's `pkg/systemd/quadlet/quadlet.go`
 * (podman 6.0.0-dev, commit c6580b4a, May 2026), with the podman release each key first
 * appeared in. The sets are exact for that commit; the versions are best knowledge of the
 * release notes: a guessed version carries `?` in the table below and is reported with
 * `sinceKnown: false`. Keys of the first quadlet release are 4.4 (the baseline).
 */

export type QuadletSection =
  | 'Container'
  | 'Volume'
  | 'Network'
  | 'Kube'
  | 'Image'
  | 'Build'
  | 'Pod'
  | 'Artifact'
  | 'Quadlet';

/** `major.minor` of a podman release. */
export type PodmanVersion = string;

export interface KeyInfo {
  section: QuadletSection;
  key: string;
  /** First podman release accepting the key. */
  since: PodmanVersion;
  /** False when `since` is a guess. */
  sinceKnown: boolean;
  /** Podman still accepts it but documents it as deprecated. */
  deprecated?: boolean;
}

/**
 * `Key:version` pairs; a trailing `?` marks a guessed version. Keeping the table as text
 * makes it easy to compare with podman's man page.
 */
const TABLE: Record<QuadletSection, string> = {
  Container: `
    AddCapability:4.4 AddDevice:4.4 AddHost:5.0? Annotation:4.4 AppArmor:5.6? AutoUpdate:4.6?
    CgroupsMode:5.0? ContainerName:4.4 ContainersConfModule:4.8 DNS:4.6? DNSOption:4.6? DNSSearch:4.6?
    DropCapability:4.4 Entrypoint:5.0? Environment:4.4 EnvironmentFile:4.4 EnvironmentHost:4.4
    Exec:4.4 ExposeHostPort:4.4 GIDMap:4.7? GlobalArgs:4.8 Group:4.4 GroupAdd:5.0? HealthCmd:4.4
    HealthInterval:4.4 HealthLogDestination:5.3? HealthMaxLogCount:5.3? HealthMaxLogSize:5.3?
    HealthOnFailure:4.4 HealthRetries:4.4 HealthStartPeriod:4.4 HealthStartupCmd:4.4
    HealthStartupInterval:4.4 HealthStartupRetries:4.4 HealthStartupSuccess:4.4
    HealthStartupTimeout:4.4 HealthTimeout:4.4 HostName:4.6? HttpProxy:5.5? IP:4.4 IP6:4.4 Image:4.4
    Label:4.4 LogDriver:4.4 LogOpt:5.0? Mask:4.6? Memory:5.3? Mount:4.4 Network:4.4 NetworkAlias:5.2?
    NoNewPrivileges:4.4 Notify:4.4 PidsLimit:4.6? Pod:5.0 PodmanArgs:4.5 PublishPort:4.4 Pull:4.6?
    ReadOnly:4.4 ReadOnlyTmpfs:5.0? ReloadCmd:5.1? ReloadSignal:5.1? RemapGid:4.4 RemapUid:4.4
    RemapUidSize:4.4 RemapUsers:4.4 Retry:5.1? RetryDelay:5.1? Rootfs:4.6? RunInit:4.4
    SeccompProfile:4.4 Secret:4.4 SecurityLabelDisable:4.4 SecurityLabelFileType:4.4
    SecurityLabelLevel:4.4 SecurityLabelNested:4.6? SecurityLabelType:4.4 ServiceName:5.2?
    ShmSize:5.0? StartWithPod:5.1? StopSignal:5.3? StopTimeout:4.7? SubGIDMap:4.7? SubUIDMap:4.7?
    Sysctl:4.6? Timezone:4.4 Tmpfs:4.4 UIDMap:4.7? Ulimit:4.6? Unmask:4.6? User:4.4 UserNS:4.4
    VolatileTmp:4.4 Volume:4.4 WorkingDir:4.6?`,
  Volume: `
    ContainersConfModule:4.8 Copy:4.4 Device:4.4 Driver:5.0 GID:5.8? GlobalArgs:4.8 Group:4.4 Image:5.0
    Label:4.4 Options:4.4 PodmanArgs:4.5 ServiceName:5.2? Type:4.4 UID:5.8? User:4.4 VolumeName:4.8`,
  Network: `
    ContainersConfModule:4.8 DNS:4.7? DisableDNS:4.4 Driver:4.4 Gateway:4.4 GlobalArgs:4.8 IPAMDriver:4.4
    IPRange:4.4 IPv6:4.4 InterfaceName:5.3? Internal:4.4 Label:4.4 NetworkDeleteOnStop:5.5? NetworkName:4.8
    Options:4.4 PodmanArgs:4.5 ServiceName:5.2? Subnet:4.4`,
  Kube: `
    AutoUpdate:5.0? ConfigMap:4.5 ContainersConfModule:4.8 ExitCodePropagation:4.6 GlobalArgs:4.8
    KubeDownForce:5.0? LogDriver:4.5 LogOpt:5.1? Network:4.5 PodmanArgs:4.5 PublishPort:4.5 RemapGid:4.4
    RemapUid:4.4 RemapUidSize:4.4 RemapUsers:4.4 ServiceName:5.2? SetWorkingDirectory:4.6 UserNS:4.5
    Yaml:4.4`,
  Image: `
    AllTags:4.8 Arch:4.8 AuthFile:4.8 CertDir:4.8 ContainersConfModule:4.8 Creds:4.8 DecryptionKey:4.8
    GlobalArgs:4.8 Image:4.8 ImageTag:5.0 OS:4.8 PodmanArgs:4.8 Policy:5.6? Retry:5.1? RetryDelay:5.1?
    ServiceName:5.2? TLSVerify:4.8 Variant:4.8`,
  Build: `
    Annotation:5.2 Arch:5.2 AuthFile:5.2 BuildArg:5.5? ContainersConfModule:5.2 DNS:5.2 DNSOption:5.2
    DNSSearch:5.2 Environment:5.2 File:5.2 ForceRM:5.2 GlobalArgs:5.2 GroupAdd:5.2 IgnoreFile:5.5?
    ImageTag:5.2 Label:5.2 Network:5.2 PodmanArgs:5.2 Pull:5.2 Retry:5.4? RetryDelay:5.4? Secret:5.2
    ServiceName:5.2 SetWorkingDirectory:5.2 TLSVerify:5.2 Target:5.2 Variant:5.2 Volume:5.2`,
  Pod: `
    AddHost:5.2? ContainersConfModule:5.0 DNS:5.2? DNSOption:5.2? DNSSearch:5.2? ExitPolicy:5.3?
    GIDMap:5.1? GlobalArgs:5.0 HostName:5.2? IP:5.2? IP6:5.2? Label:5.5? Network:5.0 NetworkAlias:5.1?
    PodName:5.0 PodmanArgs:5.0 PublishPort:5.0 RemapGid:5.1? RemapUid:5.1? RemapUidSize:5.1?
    RemapUsers:5.1? ServiceName:5.2? ShmSize:5.3? StopTimeout:5.4? SubGIDMap:5.1? SubUIDMap:5.1?
    UIDMap:5.1? UserNS:5.1? Volume:5.0`,
  Artifact: `
    Artifact:5.7? AuthFile:5.7? CertDir:5.7? ContainersConfModule:5.7? Creds:5.7? DecryptionKey:5.7?
    GlobalArgs:5.7? PodmanArgs:5.7? Quiet:5.7? Retry:5.7? RetryDelay:5.7? ServiceName:5.7? TLSVerify:5.7?`,
  Quadlet: `DefaultDependencies:5.3?`,
};

/** Keys podman documents as deprecated but still accepts. */
const DEPRECATED = new Set([
  'RemapGid',
  'RemapUid',
  'RemapUidSize',
  'RemapUsers',
  'VolatileTmp',
]);

function build(): Map<QuadletSection, Map<string, KeyInfo>> {
  const out = new Map<QuadletSection, Map<string, KeyInfo>>();
  for (const [section, text] of Object.entries(TABLE) as [
    QuadletSection,
    string,
  ][]) {
    const keys = new Map<string, KeyInfo>();
    for (const pair of text.trim().split(/\s+/)) {
      const [key, version] = pair.split(':');
      const sinceKnown = !version.endsWith('?');
      const info: KeyInfo = {
        section,
        key,
        since: version.replace('?', ''),
        sinceKnown,
      };
      if (DEPRECATED.has(key) && section !== 'Quadlet') {
        info.deprecated = true;
      }
      keys.set(key, info);
    }
    out.set(section, keys);
  }
  return out;
}

const KEYS = build();

/** Every quadlet section name (the unit-type sections plus `[Quadlet]`). */
export const QUADLET_SECTIONS: readonly QuadletSection[] = [
  'Container',
  'Volume',
  'Network',
  'Kube',
  'Image',
  'Build',
  'Pod',
  'Artifact',
  'Quadlet',
];

export function isQuadletSection(name: string): name is QuadletSection {
  return KEYS.has(name as QuadletSection);
}

/** The keys a section accepts (at the transcribed podman commit). */
export function supportedKeys(section: QuadletSection): string[] {
  return [...KEYS.get(section)!.keys()];
}

export function keyInfo(
  section: QuadletSection,
  key: string,
): KeyInfo | undefined {
  return KEYS.get(section)?.get(key);
}

export function isSupportedKey(section: QuadletSection, key: string): boolean {
  return KEYS.get(section)?.has(key) ?? false;
}

/** Compares `major.minor[.patch]` versions numerically. */
export function compareVersions(a: PodmanVersion, b: PodmanVersion): number {
  const pa = a.split('.').map(n => parseInt(n, 10) || 0);
  const pb = b.split('.').map(n => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether podman `version` accepts `key` in `section`: false for unknown keys and for keys
 * that appeared later. A key whose version is only guessed is judged by the guess.
 */
export function isKeySupportedBy(
  section: QuadletSection,
  key: string,
  version: PodmanVersion,
): boolean {
  const info = keyInfo(section, key);
  return info !== undefined && compareVersions(info.since, version) <= 0;
}
