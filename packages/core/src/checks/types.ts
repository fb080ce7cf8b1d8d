import type { Severity } from '../diagnostic';
import type { Inventory, InventoryDiagnostic } from '../inventory/types';
import type { Policy } from '../policy/types';

export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'waived';

/** What a result is about. Each kind maps to one catalog entity kind (docs/entity-model.md). */
export type CheckSubjectKind =
  | 'unit'
  | 'systemd-unit'
  | 'model'
  | 'alias'
  | 'hostname'
  | 'os'
  | 'kernel-args'
  | 'decision'
  | 'file'
  | 'policy'
  | 'box';

export interface CheckSubject {
  kind: CheckSubjectKind;
  /** Unit id, model id, alias, hostname, `os`, `kernel-args`, decision id, `tree:path`… */
  id: string;
  /** Short name for people: `piler.container`, `qwen3-30b`, `D-171`. */
  name: string;
  /** Backstage entity ref (`component:sodimo/piler`), when the subject is an entity. */
  entityRef?: string;
}

/** What an OCI registry said about one image reference, gathered before the checks run. */
export interface ImageRegistryFact {
  /** `unknown`: the registry could not be asked (timeout, no credentials). */
  status: 'ok' | 'not-found' | 'unknown';
  /** Digest the tag resolves to, when found. */
  digest?: string;
  /** Why the answer is `unknown`, shown in the finding. */
  error?: string;
}

/** An open GitHub issue carrying the policy's known-broken label. */
export interface KnownBrokenIssue {
  /** The unit it names (`piler`, `piler.container`, `piler.service`). */
  unit: string;
  url: string;
  title: string;
}

/**
 * Facts the offline core cannot know, gathered beforehand by adapters (an OCI registry
 * client, octokit). A missing field means "not asked", and checks that need it say `unknown`.
 */
export interface OnlineFacts {
  /** Keyed by the image's normalised reference (`ImageFact.normalized`), see `registryImageRefs`. */
  images?: Readonly<Record<string, ImageRegistryFact>>;
  /** Open issues with the known-broken label; `[]` means GitHub was asked and has none. */
  knownBrokenIssues?: readonly KnownBrokenIssue[];
}

export interface CheckContext {
  /** Box name (the catalog namespace of its entities). */
  box: string;
  inventory: Inventory;
  policy: Policy;
  /** The time waivers are judged at; injected so results are reproducible. */
  now: Date;
  online?: OnlineFacts;
  /** Problems found reading the policy files (`readPolicy`); errors among them fail `config-error`. */
  policyDiagnostics?: readonly InventoryDiagnostic[];
}

/** The waiver that matched a result: applied (`waived`) or expired (the result stays `fail`). */
export interface AppliedWaiver {
  reason: string;
  decision: string;
  expires: string;
  expired: boolean;
  /** Where the waiver is written. */
  tree?: string;
  file?: string;
  line?: number;
}

export interface CheckResult {
  checkId: string;
  status: CheckStatus;
  severity: Severity;
  /** Stable subject key: `<kind>:<id>` (`unit:dotfiles:home/…/piler.container`, `kernel-args:kernel-args`). */
  entity: string;
  entityKind: CheckSubjectKind;
  /** Short name for people (`piler.container`). */
  entityName: string;
  /** Backstage entity ref (`component:sodimo/piler`), when there is an entity. */
  entityRef?: string;
  /** Tells apart several results of one check on one subject: the argument, the flag, the env file. */
  detail?: string;
  /** The file (tree, path in the tree, 1-based line) to open to fix it. */
  tree?: string;
  file?: string;
  line?: number;
  /** Specific: names the image, the argument, the flag. */
  message: string;
  waiver?: AppliedWaiver;
  /** `checkId|entity|detail`: the same finding across runs, whatever lines moved. */
  fingerprint: string;
}

export interface CheckDefinition {
  /** Stable kebab-case id, also the anchor of its section in docs/checks.md. */
  id: string;
  title: string;
  severity: Severity;
  /** Why it matters. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  /** The image-bump action (new digest / tag through a reviewed PR) fixes it. */
  fixableByBump: boolean;
  /** `docs/checks.md#<id>`. */
  docs: string;
  /** Needs online facts; without them it reports `unknown`. */
  online: boolean;
  run(context: CheckContext): CheckResult[];
}
