import type {
  ScorecardApi,
  ScorecardBoxSummary,
  ScorecardCheckHistoryPoint,
  ScorecardCheckInfo,
  ScorecardDiff,
  ScorecardEntityResults,
  ScorecardHistoryPoint,
  ScorecardRun,
  ScorecardRunStarted,
  ScorecardRunSummary,
} from '@quadlet-portal/plugin-scorecard-common';
import {
  bazziteBox,
  checks,
  historyOf,
  marchRun,
  mayRun,
  sodimoBox,
  summaryOf,
} from './fixtures';

/**
 * An in-memory backend over the fixture runs: sodimo with two runs, bazzite with none. Calls are
 * recorded; `startRun` answers with a run that `getRun` reports running `runningPolls` times,
 * then as `finishWith`.
 */
export class FakeScorecardApi implements ScorecardApi {
  boxes: ScorecardBoxSummary[] = [sodimoBox, bazziteBox];
  runs: ScorecardRun[] = [marchRun, mayRun];
  calls: string[] = [];
  startError?: Error;
  runningPolls = 1;
  finishWith: Partial<ScorecardRun> = { status: 'succeeded' };

  async listChecks(): Promise<ScorecardCheckInfo[]> {
    this.calls.push('listChecks');
    return checks;
  }

  async listBoxes(): Promise<ScorecardBoxSummary[]> {
    this.calls.push('listBoxes');
    return this.boxes;
  }

  private latest(box: string): ScorecardRun | undefined {
    return this.runs
      .filter(r => r.box === box && r.status === 'succeeded')
      .sort((a, b) => b.id - a.id)[0];
  }

  async getLatestRun(box: string): Promise<ScorecardRun | undefined> {
    this.calls.push(`getLatestRun ${box}`);
    return this.latest(box);
  }

  async getRun(id: number): Promise<ScorecardRun> {
    this.calls.push(`getRun ${id}`);
    const found = this.runs.find(r => r.id === id);
    if (!found) throw new Error(`no run ${id}`);
    if (found.status === 'running') {
      if (this.runningPolls > 0) {
        this.runningPolls -= 1;
        return found;
      }
      Object.assign(
        found,
        { finishedAt: '2026-05-02T10:00:05.000Z' },
        this.finishWith,
      );
    }
    return found;
  }

  async listRuns(box: string): Promise<ScorecardRunSummary[]> {
    this.calls.push(`listRuns ${box}`);
    return this.runs
      .filter(r => r.box === box)
      .map(summaryOf)
      .reverse();
  }

  async getHistory(box: string): Promise<ScorecardHistoryPoint[]> {
    this.calls.push(`getHistory ${box}`);
    return this.runs
      .filter(r => r.box === box && r.status === 'succeeded')
      .map(historyOf);
  }

  async getCheckHistory(): Promise<ScorecardCheckHistoryPoint[]> {
    return [];
  }

  async getDiff(): Promise<ScorecardDiff> {
    throw new Error('not used by the pages');
  }

  async getEntityResults(
    entityRef: string,
  ): Promise<ScorecardEntityResults | undefined> {
    this.calls.push(`getEntityResults ${entityRef}`);
    for (const box of this.boxes) {
      const run = this.latest(box.box);
      const results = run?.results.filter(r => r.entityRef === entityRef) ?? [];
      if (run && results.length > 0) {
        const fingerprints = new Set(results.map(r => r.fingerprint));
        return {
          entityRef,
          box: box.box,
          run: summaryOf(run),
          results,
          newFingerprints: run.newFingerprints.filter(f => fingerprints.has(f)),
        };
      }
    }
    return undefined;
  }

  async startRun(box: string): Promise<ScorecardRunStarted> {
    this.calls.push(`startRun ${box}`);
    if (this.startError) throw this.startError;
    const run: ScorecardRun = {
      ...mayRun,
      id: Math.max(...this.runs.map(r => r.id)) + 1,
      box,
      trigger: 'manual',
      status: 'running',
      startedAt: '2026-05-02T10:00:00.000Z',
      finishedAt: undefined,
      requestedBy: 'user:default/guest',
    };
    this.runs.push(run);
    return { run: summaryOf(run), alreadyRunning: false };
  }

  async exportFindings(): Promise<string> {
    throw new Error('the pages export what they show');
  }
}
