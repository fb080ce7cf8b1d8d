import {
  CHECKS,
  type CheckDefinition,
  type CheckResult,
  type Severity,
} from '@quadlet-portal/core';
import { dayOf, displayPath, type CheckReport } from './checkReport';

/**
 * Where a rule's `helpUri` points: the check's section of docs/checks.md. One constant, so a
 * fork publishing its docs elsewhere changes one line (or passes `--docs-url`).
 */
export const DEFAULT_DOCS_URL =
  'https://github.com/quadlet-portal/quadlet-portal/blob/main/docs/checks.md';

/** The key of our fingerprint in `partialFingerprints` (versioned, as GitHub recommends). */
export const FINGERPRINT_KEY = 'quadletPortalFinding/v1';

/** SARIF's levels for our severities. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  /** Base URL of docs/checks.md; each rule's helpUri is `<base>#<check id>`. */
  docsUrl?: string;
  /** The CLI's version, for `tool.driver.version`. */
  version?: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one rule per
 * check, one result per failure, located by a path relative to the folder the command ran in
 * (`%SRCROOT%`, the repository root in CI) and its line, fingerprinted by the finding's
 * fingerprint so an alert survives lines moving. Waived and undecided results are not
 * alerts and are left out; passing ones too.
 */
export function formatCheckSarif(
  report: CheckReport,
  options: SarifOptions = {},
): string {
  const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
  const rules = CHECKS.map(check => ruleOf(check, docsUrl));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const results = report.results
    .filter(r => r.status === 'fail')
    .map(r => resultOf(report, r, ruleIndex.get(r.checkId)));

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'quadlet-portal',
            informationUri: docsUrl,
            ...(options.version ? { version: options.version } : {}),
            rules,
          },
        },
        // Two boxes checked in one repository are two categories of alerts, not one.
        automationDetails: { id: `quadlet-portal/${report.box}/` },
        originalUriBaseIds: {
          '%SRCROOT%': { uri: fileUri(report.cwd) },
        },
        invocations: [
          {
            executionSuccessful: true,
            properties: { now: dayOf(report.now), online: report.online },
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function ruleOf(check: CheckDefinition, docsUrl: string) {
  const helpUri = `${docsUrl}#${check.id}`;
  return {
    id: check.id,
    name: pascalCase(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.rationale },
    help: {
      text: `${check.rationale}\n\nFix: ${check.remediation}`,
      markdown: `**Why.** ${check.rationale}\n\n**Fix.** ${check.remediation}${
        check.fixableByBump ? '\n\nThe image-bump action fixes it.' : ''
      }\n\n[${check.id}](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      tags: ['quadlet', ...(check.online ? ['online'] : [])],
      precision: 'very-high',
      'problem.severity':
        check.severity === 'info' ? 'recommendation' : check.severity,
    },
  };
}

function resultOf(
  report: CheckReport,
  r: CheckResult,
  ruleIndex: number | undefined,
) {
  const uri = displayPath(report, r);
  return {
    ruleId: r.checkId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[r.severity],
    message: { text: `${r.entityName}: ${r.message}` },
    // Code scanning needs a file for every alert; a finding about the whole box points at the
    // first tree's policy file, or the first tree's root.
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: uri ?? fallbackUri(report),
            uriBaseId: '%SRCROOT%',
          },
          region: { startLine: r.line && r.line > 0 ? r.line : 1 },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: r.fingerprint },
    properties: {
      entity: r.entity,
      ...(r.entityRef ? { entityRef: r.entityRef } : {}),
      ...(r.detail !== undefined ? { detail: r.detail } : {}),
    },
  };
}

function fallbackUri(report: CheckReport): string {
  const [tree, file] = (report.policyFiles[0] ?? '').split(/:(.*)/s);
  if (file) return displayPath(report, { tree, file }) ?? file;
  return displayPath(report, { tree: report.trees[0]?.name, file: '.' }) ?? '.';
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map(word => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `file:///abs/dir/` — SARIF wants base URIs to end with a slash. */
function fileUri(dir: string): string {
  const url = new URL(`file://${dir.startsWith('/') ? '' : '/'}${dir}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
