import type { SourceRef } from '../inventory/types';
import type { PolicySourceRef } from '../policy/types';
import { subjectKey } from './subjects';
import type {
  CheckContext,
  CheckDefinition,
  CheckResult,
  CheckStatus,
  CheckSubject,
} from './types';

type Where =
  | SourceRef
  | PolicySourceRef
  | { tree?: string; path: string; line?: number }
  | undefined;

/**
 * Builds the results of one check run: fills the check id, the severity (the policy may
 * override it), the subject's keys and the fingerprint, so checks only say what they found.
 */
export class Reporter {
  readonly results: CheckResult[] = [];
  private readonly severity: CheckResult['severity'];

  constructor(
    private readonly check: Pick<CheckDefinition, 'id' | 'severity'>,
    context: Pick<CheckContext, 'policy'>,
  ) {
    this.severity = context.policy.checks[check.id]?.severity ?? check.severity;
  }

  pass(
    subject: CheckSubject,
    where: Where,
    message: string,
    detail?: string,
  ): CheckResult {
    return this.add('pass', subject, where, message, detail);
  }

  fail(
    subject: CheckSubject,
    where: Where,
    message: string,
    detail?: string,
  ): CheckResult {
    return this.add('fail', subject, where, message, detail);
  }

  unknown(
    subject: CheckSubject,
    where: Where,
    message: string,
    detail?: string,
  ): CheckResult {
    return this.add('unknown', subject, where, message, detail);
  }

  add(
    status: CheckStatus,
    subject: CheckSubject,
    where: Where,
    message: string,
    detail?: string,
  ): CheckResult {
    const entity = subjectKey(subject);
    const result: CheckResult = {
      checkId: this.check.id,
      status,
      severity: this.severity,
      entity,
      entityKind: subject.kind,
      entityName: subject.name,
      message,
      fingerprint: `${this.check.id}|${entity}|${detail ?? ''}`,
    };
    if (subject.entityRef !== undefined) result.entityRef = subject.entityRef;
    if (detail !== undefined) result.detail = detail;
    if (where) {
      if (where.tree !== undefined) result.tree = where.tree;
      result.file = where.path;
      if (where.line !== undefined) result.line = Math.max(1, where.line);
    }
    this.results.push(result);
    return result;
  }
}

/** `harness:mkosi.conf:8`, for messages that point at another place. */
export function placeText(where: {
  tree?: string;
  path: string;
  line?: number;
}): string {
  return `${where.tree ? `${where.tree}:` : ''}${where.path}${
    where.line ? `:${where.line}` : ''
  }`;
}

export function docsAnchor(id: string): string {
  return `docs/checks.md#${id}`;
}
