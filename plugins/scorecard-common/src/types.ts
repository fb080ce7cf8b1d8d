import type {
  CheckResult,
  CheckStatus,
  Score,
  Severity,
} from '@quadlet-portal/core';

/*
 * What the scorecard backend's API answers (docs/scorecard.md). Results are the core's
 * `CheckResult`s as stored, so the CLI, the backend and the pages show the same findings.
 */

export type { CheckStatus as ScorecardStatus, Severity as ScorecardSeverity };

/** One result of one check on one subject, as stored with its run (docs/checks.md#results). */
export type ScorecardFinding = CheckResult & {
  /** Browsable link to the file and line, for trees read from GitHub. */
  url?: string;
};

/** `score` 0–1 (null when nothing is decided) and the subject counts behind it. */
export type ScorecardScore = Score;

/** A check as the pages describe it (title, rationale, how to fix). */
export interface ScorecardCheckInfo {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  remediation: string;
  /** The image-bump action fixes its failures. */
  fixableByBump: boolean;
  /** Anchor in docs/checks.md. */
  docs: string;
  /** Needs the registry or GitHub; offline it reports `unknown`. */
  online: boolean;
}

/** `running` while it reads and checks; `failed` when a tree could not be read (no findings). */
export type ScorecardRunStatus = 'running' | 'succeeded' | 'failed';

/** `schedule`: the weekly task; `manual`: `POST /runs`. */
export type ScorecardRunTrigger = 'schedule' | 'manual';

/** The version of one tree a run read. */
export interface ScorecardTreeVersion {
  name: string;
  /** The configured source: a URL or a local folder. */
  source: string;
  /** The URL reader's ETag or, for a local folder, a hash of its bytes. */
  etag?: string;
  /** The commit, when the source says (GitHub: the ETag is the commit sha). */
  commit?: string;
}

/** Results per status, over every result of the run. */
export interface ScorecardStatusCounts {
  fail: number;
  unknown: number;
  waived: number;
  pass: number;
}

/** A run without its findings: what lists and history show. */
export interface ScorecardRunSummary {
  id: number;
  box: string;
  trigger: ScorecardRunTrigger;
  status: ScorecardRunStatus;
  /** ISO 8601 UTC. */
  startedAt: string;
  finishedAt?: string;
  trees: ScorecardTreeVersion[];
  /** The box score; absent until the run succeeds. */
  score?: ScorecardScore;
  counts?: ScorecardStatusCounts;
  /**
   * Whether registry answers and GitHub's known-broken issues were gathered; when not, the
   * checks needing them are `unknown`, and `notes` say why (off in config, no GitHub tree,
   * GitHub failed).
   */
  online: { images: boolean; knownBrokenIssues: boolean; notes?: string[] };
  /** Why a run failed. */
  error?: string;
  /** Entity ref of whoever asked for a manual run. */
  requestedBy?: string;
}

/** A run with everything it found. */
export interface ScorecardRun extends ScorecardRunSummary {
  /** Score per check id. */
  scoreByCheck: Record<string, ScorecardScore>;
  /** Every result, sorted as `runChecks` sorts them (fail, unknown, waived, pass). */
  results: ScorecardFinding[];
  /**
   * Fingerprints of the failures that did not fail in the box's previous successful run
   * ("new" badges). Every failure of a box's first run is new.
   */
  newFingerprints: string[];
  /** The run `newFingerprints` compares with. */
  previousRunId?: number;
}

/** One configured box and its latest successful run. */
export interface ScorecardBoxSummary {
  box: string;
  title?: string;
  /** Entity ref of the box owner, who is notified of new failures. */
  owner: string;
  /** The latest run that succeeded. */
  latest?: ScorecardRunSummary;
  /** A run in progress, if any. */
  running?: ScorecardRunSummary;
}

/** One point of a box's trend: a successful run's scores. */
export interface ScorecardHistoryPoint {
  runId: number;
  startedAt: string;
  finishedAt: string;
  score: ScorecardScore;
  byCheck: Record<string, ScorecardScore>;
  counts: ScorecardStatusCounts;
}

/** One point of a check's trend in a box. */
export interface ScorecardCheckHistoryPoint {
  runId: number;
  startedAt: string;
  finishedAt: string;
  /** Absent when the check did not run (disabled by the policy). */
  score?: ScorecardScore;
  /** Fingerprints of the check's failures in that run. */
  failing: string[];
}

/** What changed between two runs of a box, by fingerprint (`checkId|entity|detail`). */
export interface ScorecardDiff {
  box: string;
  from: ScorecardRunSummary;
  to: ScorecardRunSummary;
  /** Fail in `to`, not in `from` (results of `to`). */
  new: ScorecardFinding[];
  /** Fail in `from`, not in `to` (results of `from`). */
  resolved: ScorecardFinding[];
  /** Fail in both (results of `to`). */
  stillFailing: ScorecardFinding[];
}

/** The results about one catalog entity in its box's latest successful run. */
export interface ScorecardEntityResults {
  entityRef: string;
  box: string;
  run: ScorecardRunSummary;
  results: ScorecardFinding[];
  /** Fingerprints among `results` that are new since the previous run. */
  newFingerprints: string[];
}

/** Body of `POST /runs`. */
export interface ScorecardRunRequest {
  box: string;
}

/** Answer of `POST /runs` (202): the run started, or the one already running for the box. */
export interface ScorecardRunStarted {
  run: ScorecardRunSummary;
  /** True when a run of the box was already in progress and no new one was started. */
  alreadyRunning: boolean;
}

/** Formats of `GET /boxes/:box/findings.<format>`. */
export type ScorecardExportFormat = 'csv' | 'md';
