import type { Severity } from '../diagnostic';
import type { InventoryDiagnostic } from '../inventory/types';

/** Where a policy entry was written: tree name, path inside the tree, 1-based line. */
export interface PolicySourceRef {
  tree: string;
  path: string;
  line: number;
}

/** A kernel argument rule: `iommu=pt` (key and value) or `quiet` / `amd_iommu` (key only: any value). */
export interface KernelArgRule {
  /** As written in the policy. */
  arg: string;
  /** Key with `-` read as `_`, as the kernel compares parameter names. */
  key: string;
  value?: string;
  source?: PolicySourceRef;
}

/** The releases a box is validated on: one distribution, a closed band of releases. */
export interface OsBand {
  distribution?: string;
  minRelease?: string;
  maxRelease?: string;
  /** Why this band (shown in findings). */
  reason?: string;
  source?: PolicySourceRef;
}

export interface KnownBrokenUnit {
  /** Unit as people name it: `piler`, `piler.container` or `piler.service`. */
  unit: string;
  reason: string;
  /** Issue that tracks the repair: a URL or `owner/repo#17`. */
  issue?: string;
  decision?: string;
  source?: PolicySourceRef;
}

/** An accepted failure: one check on one subject, with why, who decided, and until when. */
export interface Waiver {
  check: string;
  /**
   * The subject: an entity key (`unit:dotfiles:…/cockpit.container`), an entity ref
   * (`component:sodimo/cockpit`), a unit name (`cockpit.container`, `cockpit`), a model id,
   * a hostname, `os`, `kernel-args`, a decision id — or `*` for every subject of the check.
   */
  entity: string;
  /** Limits the waiver to one finding of the subject (the kernel argument, the flag…). */
  detail?: string;
  reason: string;
  decision: string;
  /** Last day the waiver applies (`YYYY-MM-DD`, UTC): from the next day on it has expired. */
  expires: string;
  source?: PolicySourceRef;
}

export interface CheckOverride {
  severity?: Severity;
  enabled?: boolean;
  source?: PolicySourceRef;
}

/**
 * The rules a box is checked against, read from `.quadlet-portal/policy.yaml` in the box's
 * own repositories (see docs/checks.md#policy-file), with defaults for what the file leaves out.
 */
export interface Policy {
  kernelArgs: { required: KernelArgRule[]; forbidden: KernelArgRule[] };
  os?: OsBand;
  /** The podman release the box runs (`5.8`): quadlet keys newer than it are refused. */
  podman?: { version: string; source?: PolicySourceRef };
  /** Registries images may come from; absent means the check is not applied. */
  images: { trustedRegistries?: string[] };
  llamaSwap: {
    /** Host every `proxy:` must target (llama-swap and its llama-server share one netns). */
    proxyHost: string;
    /** Flags every model's `cmd:` carries (`--no-mmap`, `-fa`…); values are not compared. */
    mandatoryFlags: string[];
  };
  rootless: {
    /** Options that fail under rootless podman: `GroupAdd=keep-groups`, `--group-add=render`. */
    incompatibleOptions: string[];
  };
  knownBroken: {
    /** GitHub issue label that marks a unit known-broken; null turns the GitHub lookup off. */
    label: string | null;
    units: KnownBrokenUnit[];
  };
  waivers: Waiver[];
  /** Per-check severity override or `enabled: false`. */
  checks: Record<string, CheckOverride>;
  /** The files the policy was read from, in tree order; empty when only defaults apply. */
  files: { tree: string; path: string }[];
}

/** One policy file to read: the tree it belongs to and its bytes. */
export interface PolicySource {
  tree: string;
  file: { path: string; content: Buffer };
}

export interface PolicyReadResult {
  policy: Policy;
  /** Problems of the policy files, each naming the file and the line of the offending key. */
  diagnostics: InventoryDiagnostic[];
}
