import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  contextOf,
  emptyInventory,
  policyWith,
  unit,
} from './__fixtures__/testBox';
import { CHECKS } from './registry';
import { runChecks } from './runChecks';
import type { CheckDefinition } from './types';

describe('runChecks', () => {
  const inventory = emptyInventory({
    units: [
      unit('cockpit.container', { imageText: 'quay.io/cockpit/ws:latest' }),
      unit('redis.container', { imageText: 'redis:7' }),
      unit('caddy.container', {
        imageText: `docker.io/library/caddy:2@sha256:${'aa'.repeat(32)}`,
      }),
    ],
  });

  it('sorts failures first (errors before warnings), then unknown, waived, pass', () => {
    const statuses = runChecks(contextOf(inventory)).map(
      r => `${r.status}/${r.severity}`,
    );
    const rank = (s: string) =>
      [
        'fail/error',
        'fail/warning',
        'fail/info',
        'unknown',
        'waived',
        'pass',
      ].findIndex(p => s.startsWith(p));
    expect(statuses.map(rank)).toEqual(
      [...statuses.map(rank)].sort((a, b) => a - b),
    );
    expect(statuses[0]).toBe('fail/error');
  });

  it('runs only the checks asked for, skips others, and leaves out checks the policy disables', () => {
    const only = runChecks(contextOf(inventory), {
      only: ['image-short-name', 'image-floating-tag'],
      skip: ['image-floating-tag'],
    });
    expect([...new Set(only.map(r => r.checkId))]).toEqual([
      'image-short-name',
    ]);
    const policy = policyWith(
      p => (p.checks['image-not-digest-pinned'] = { enabled: false }),
    );
    expect(
      runChecks(contextOf(inventory, policy)).some(
        r => r.checkId === 'image-not-digest-pinned',
      ),
    ).toBe(false);
  });

  it('gives every result a file, a line and a fingerprint unique within the run', () => {
    const results = runChecks(contextOf(inventory));
    expect(new Set(results.map(r => r.fingerprint)).size).toBe(results.length);
    for (const r of results.filter(x => x.entityKind === 'unit')) {
      expect(r.file).toMatch(/\.container$/);
      expect(r.line).toBeGreaterThan(0);
    }
  });

  it('turns a crashing check into one unknown result instead of throwing', () => {
    const broken: CheckDefinition = {
      ...CHECKS[0],
      id: 'always-crashes',
      run: () => {
        throw new Error('boom');
      },
    };
    const results = runChecks(contextOf(inventory), {
      checks: [...CHECKS, broken],
      only: ['always-crashes'],
    });
    expect(results).toEqual([
      expect.objectContaining({
        status: 'unknown',
        entityKind: 'box',
        entityRef: 'system:sodimo/sodimo',
        message: 'check always-crashes failed: boom',
      }),
    ]);
  });

  it('every check has the metadata the docs and the portal show', () => {
    for (const check of CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.docs).toBe(`docs/checks.md#${check.id}`);
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.rationale.length).toBeGreaterThan(40);
      expect(check.remediation.length).toBeGreaterThan(20);
    }
    expect(new Set(CHECKS.map(c => c.id)).size).toBe(CHECKS.length);
  });

  it('every check has its section in docs/checks.md, headed by its id (the anchor the results link to)', () => {
    const doc = readFileSync(
      path.resolve(__dirname, '../../../../docs/checks.md'),
      'utf8',
    );
    const headings = [...doc.matchAll(/^## ([a-z0-9-]+)$/gm)].map(m => m[1]);
    expect(headings).toEqual(CHECKS.map(c => c.id));
  });
});
