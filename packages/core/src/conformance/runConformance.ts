import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from '../diagnostic';
import { analyzeQuadlets } from '../quadlet/analyzeQuadlets';
import { quadletTypeOf } from '../quadlet/unitTypes';
import type { SourceFile } from '../sourceFile';
import { parseUnitFile } from '../unit/parseUnit';
import { baseName, dirName } from '../unit/unitName';
import { writeUnitBytes } from '../unit/writeUnit';
import {
  coreMessage,
  expectationFromHeader,
  parseExpectations,
  type Expectation,
} from './expectations';

export type Verdict = 'success' | 'warning' | 'error';

export interface ConformanceFileResult {
  /** Path relative to the test directory. */
  file: string;
  expectation?: Expectation;
  /** Where the expectation came from. */
  expectedFrom: 'table' | 'file-header' | 'default';
  expected: Verdict;
  verdict: Verdict;
  agree: boolean;
  /** The file is expected to fail or warn. */
  expectedFailure: boolean;
  /** Expected failure that we report at that severity with podman's message. */
  flagged: boolean;
  roundTrip: boolean;
  /** Why we do not agree (empty when we do). */
  reason: string;
  serviceName?: string;
  diagnostics: Diagnostic[];
}

export interface ConformanceTotals {
  files: number;
  agree: number;
  expectedFailures: number;
  flagged: number;
  roundTrip: number;
}

export interface ConformanceReport {
  results: ConformanceFileResult[];
  totals: ConformanceTotals;
}

/** Every file under `dir` (relative POSIX paths), skipping our own `_*` files at the top. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(nodePath.join(dir, prefix), {
    withFileTypes: true,
  })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (prefix === '' && entry.name.startsWith('_')) continue;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

function verdictOf(diagnostics: readonly Diagnostic[]): Verdict {
  if (diagnostics.some(d => d.severity === 'error')) return 'error';
  if (diagnostics.some(d => d.severity === 'warning')) return 'warning';
  return 'success';
}

function expectedVerdict(e: Expectation | undefined): Verdict {
  if (!e) return 'success';
  if (e.table === 'warning') return 'warning';
  if (e.table === 'error') return 'error';
  return 'success';
}

/**
 * Runs our parser and quadlet checks over podman's e2e test files, each in isolation with
 * the dependencies the test copies beside it (as `quadlet_test.go` does), and compares the
 * outcome with podman's expectations.
 */
export function runConformance(dir: string): ConformanceReport {
  const tsvPath = nodePath.join(dir, '_EXPECTATIONS.tsv');
  const table = fs.existsSync(tsvPath)
    ? parseExpectations(fs.readFileSync(tsvPath, 'utf8'))
    : new Map<string, Expectation>();
  const paths = listFiles(dir);
  const read = (rel: string): SourceFile => ({
    path: rel,
    content: fs.readFileSync(nodePath.join(dir, rel)),
  });
  const results: ConformanceFileResult[] = [];

  for (const rel of paths) {
    const file = read(rel);
    const parsed = parseUnitFile(file);
    const roundTrip = writeUnitBytes(parsed.document).equals(file.content);
    let expectation = table.get(rel);
    let expectedFrom: ConformanceFileResult['expectedFrom'] = expectation
      ? 'table'
      : 'default';
    if (!expectation) {
      expectation = expectationFromHeader(rel, file.content.toString('utf8'));
      if (expectation) expectedFrom = 'file-header';
    }

    let diagnostics: Diagnostic[] = parsed.diagnostics;
    let serviceName: string | undefined;
    if (quadletTypeOf(rel)) {
      const dir0 = dirName(rel);
      const inDir = (p: string) => (dir0 === '' ? p : `${dir0}/${p}`);
      // A file the table lists only as another test's dependency is judged in that test's tree.
      const user = expectation
        ? undefined
        : [...table.values()].find(e => e.dependencies.includes(baseName(rel)));
      const companions = user
        ? [user.file, ...user.dependencies]
        : expectation?.dependencies ?? [];
      const tree: SourceFile[] = [file];
      for (const dep of companions) {
        if (paths.includes(inDir(dep)) && inDir(dep) !== rel)
          tree.push(read(inDir(dep)));
      }
      // Drop-in directories beside the unit are copied with it; the loader picks what applies.
      for (const p of paths) {
        const parent = dirName(p);
        if (
          dirName(parent) === dir0 &&
          parent !== dir0 &&
          parent.endsWith('.d') &&
          p.endsWith('.conf')
        ) {
          tree.push(read(p));
        }
      }
      const analysis = analyzeQuadlets(tree, { root: dir0 });
      const unit = analysis.byName.get(baseName(rel));
      if (unit) {
        diagnostics = unit.diagnostics;
        serviceName = unit.service.name;
      }
    }

    const expected = expectedVerdict(expectation);
    const verdict = verdictOf(diagnostics);
    const expectedFailure = expected !== 'success';
    const wanted = expectation ? coreMessage(expectation.message) : '';
    const matching = diagnostics.filter(
      d =>
        d.severity === expected &&
        (wanted === '' || d.message.includes(wanted)),
    );
    const flagged = expectedFailure && matching.length > 0;
    let reason = '';
    if (expected === 'success') {
      if (verdict === 'error') {
        reason = `unexpected error: ${
          diagnostics.find(d => d.severity === 'error')!.message
        }`;
      } else if (expectation?.table === 'success-servicename') {
        const name = expectation.message.replace(/^ServiceName=/, '');
        if (serviceName !== name)
          reason = `service name ${serviceName ?? '(none)'} instead of ${name}`;
      }
    } else if (expected === 'warning') {
      if (verdict === 'error')
        reason = `error instead of warning: ${
          diagnostics.find(d => d.severity === 'error')!.message
        }`;
      else if (!flagged) reason = `no warning containing "${wanted}"`;
    } else if (verdict !== 'error') {
      reason = `no error (expected "${wanted}")`;
    }
    results.push({
      file: rel,
      expectation,
      expectedFrom,
      expected,
      verdict,
      agree: reason === '',
      expectedFailure,
      flagged,
      roundTrip,
      reason,
      serviceName,
      diagnostics,
    });
  }

  const count = (f: (r: ConformanceFileResult) => boolean) =>
    results.filter(f).length;
  return {
    results,
    totals: {
      files: results.length,
      agree: count(r => r.agree),
      expectedFailures: count(r => r.expectedFailure),
      flagged: count(r => r.flagged),
      roundTrip: count(r => r.roundTrip),
    },
  };
}
