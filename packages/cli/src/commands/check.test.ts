import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHECKS, type CheckResult } from '@quadlet-portal/core';
import type { DigestResult } from '@quadlet-portal/registry';
import { captureIo } from '../testIo';
import { run } from '../main';
import { createCheckCommand } from './check';
import { FINGERPRINT_KEY } from './checkSarif';
import {
  SODIMO_ONLINE_EXTRA_FAILURE,
  SODIMO_SEEDED_FAILURES,
} from './__fixtures__/sodimoSeededFailures';

const REPO = path.resolve(__dirname, '../../../..');
const BOX = ['examples/sodimo', '--no-commits', '--now', '2026-05-01'];

/** `check subject tree:path:line [detail]`, as the core's example test writes findings. */
const line = (r: CheckResult) =>
  `${r.checkId} ${r.entityRef ?? r.entity} ${r.tree}:${r.file}:${r.line}${
    r.detail !== undefined ? ` [${r.detail}]` : ''
  }`;

async function check(args: string[], cwd = REPO) {
  const io = captureIo(cwd);
  const code = await run(['check', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

/** A box of one folder with the given files; removed after the test. */
function tempBox(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qp-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('quadlet-portal check', () => {
  describe('on examples/sodimo', () => {
    it('lists exactly the seeded problems (JSON), and nothing else fails', async () => {
      const { code, out, err } = await check([...BOX, '--format', 'json']);
      expect(err).toBe('');
      expect(code).toBe(1);
      const report = JSON.parse(out);
      expect(report).toMatchObject({
        box: 'sodimo',
        now: '2026-05-01T00:00:00.000Z',
        online: false,
        policyFiles: ['dotfiles:.quadlet-portal/policy.yaml'],
      });
      const failures = (report.results as CheckResult[]).filter(
        r => r.status === 'fail',
      );
      expect(failures.map(line).sort()).toEqual(
        [...SODIMO_SEEDED_FAILURES].sort(),
      );
      expect(report.score.box).toEqual({
        score: 52 / 75,
        passing: 52,
        failing: 23,
        unknown: 0,
        waived: 0,
      });
    });

    it('prints findings for people, grouped by check with file:line', async () => {
      const { code, out } = await check(BOX);
      expect(code).toBe(1);
      expect(out).toMatch(
        /^Box sodimo: 2 trees \(dotfiles, harness\); policy dotfiles:\.quadlet-portal\/policy\.yaml; checked at 2026-05-01, offline\n/,
      );
      expect(out).toContain(
        '\nwarning image-floating-tag: Image on a floating tag (4)\n' +
          '  examples/sodimo/dotfiles/home/dot_config/containers/systemd/cockpit.container:13  cockpit.container: ' +
          '`quay.io/cockpit/ws:latest` is on floating tag `latest` (waiver expired on 2026-03-31: slow upstream cadence, ' +
          'strong compatibility; pin at the end of the roll-out, D-167)\n',
      );
      expect(out).toContain(
        '\nerror kernel-arg-forbidden: Forbidden kernel argument present (1)\n' +
          '  examples/sodimo/harness/mkosi.extra/usr/lib/bootc/kargs.d/00-strix-halo.toml:9  kernel arguments: ' +
          'forbidden kernel argument `amd_iommu=off` is set (bootc kargs.d)\n',
      );
      // Every failure is one indented line; errors come before warnings, info last.
      const groups = [...out.matchAll(/^(error|warning|info) ([a-z-]+): /gm)];
      expect(groups.map(m => m[1])).toEqual(
        [...groups.map(m => m[1])].sort(
          (a, b) =>
            ['error', 'warning', 'info'].indexOf(a) -
            ['error', 'warning', 'info'].indexOf(b),
        ),
      );
      expect(out.match(/^ {2}examples\/sodimo\/\S+:\d+ {2}/gm)).toHaveLength(
        SODIMO_SEEDED_FAILURES.length,
      );
      expect(out).toContain(
        '\nUndecided (67): image-tag-missing 20, unit-known-broken 47 (image-tag-missing: --online asks the registries)\n',
      );
      expect(out).toContain(
        '\nScore 69% (52 of 75 subjects pass); 37 failing (10 errors, 26 warnings, 1 info), 0 waived, 67 undecided, 328 passing\n' +
          'Result: 10 failing at or above error, exit 1\n',
      );
    });

    it('shows a live waiver with its decision and expiry', async () => {
      const { out } = await check([
        'examples/sodimo',
        '--no-commits',
        '--now',
        '2026-03-31',
      ]);
      expect(out).toContain(
        '\nWaived (1):\n' +
          '  image-floating-tag examples/sodimo/dotfiles/home/dot_config/containers/systemd/cockpit.container:13  ' +
          'cockpit.container: `quay.io/cockpit/ws:latest` is on floating tag `latest` ' +
          '(waived until 2026-03-31: slow upstream cadence, strong compatibility; pin at the end of the roll-out, D-167)\n',
      );
      expect(out).toContain(
        'warning image-floating-tag: Image on a floating tag (3)',
      );
    });

    it('writes SARIF 2.1.0 that code scanning accepts', async () => {
      const { code, out } = await check([...BOX, '--format', 'sarif']);
      expect(code).toBe(1);
      const sarif = JSON.parse(out);
      expect(sarifProblems(sarif)).toEqual([]);
      const [runLog] = sarif.runs;
      expect(runLog.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
        CHECKS.map(c => c.id),
      );
      expect(runLog.results).toHaveLength(SODIMO_SEEDED_FAILURES.length);
      const floating = runLog.results.find(
        (r: any) =>
          r.ruleId === 'image-floating-tag' &&
          r.message.text.startsWith('cockpit.container'),
      );
      expect(floating).toEqual({
        ruleId: 'image-floating-tag',
        ruleIndex: CHECKS.findIndex(c => c.id === 'image-floating-tag'),
        level: 'warning',
        message: {
          text: 'cockpit.container: `quay.io/cockpit/ws:latest` is on floating tag `latest` (waiver expired on 2026-03-31: slow upstream cadence, strong compatibility; pin at the end of the roll-out, D-167)',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: {
                uri: 'examples/sodimo/dotfiles/home/dot_config/containers/systemd/cockpit.container',
                uriBaseId: '%SRCROOT%',
              },
              region: { startLine: 13 },
            },
          },
        ],
        partialFingerprints: {
          [FINGERPRINT_KEY]:
            'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/cockpit.container|',
        },
        properties: {
          entity:
            'unit:dotfiles:home/dot_config/containers/systemd/cockpit.container',
          entityRef: 'component:sodimo/cockpit',
        },
      });
      // Every location names a file that exists, relative to the folder the command ran in.
      for (const result of runLog.results) {
        const uri = result.locations[0].physicalLocation.artifactLocation.uri;
        expect(existsSync(path.join(REPO, uri))).toBe(true);
      }
      expect(
        runLog.results
          .filter((r: any) => r.level === 'note')
          .map((r: any) => r.ruleId),
      ).toEqual(['quadlet-resource-unused']);
    });

    it('writes a Markdown table for a pull-request comment', async () => {
      const { out } = await check([...BOX, '--format', 'markdown']);
      const lines = out.split('\n');
      expect(lines[0]).toBe('### quadlet-portal check: sodimo');
      expect(lines[2]).toBe(
        'Score **69% (52 of 75 subjects pass)** · 37 failing · 0 waived · 67 undecided · checked 2026-05-01 · **10 at or above error**',
      );
      const rows = lines.filter(
        l =>
          l.startsWith('| ') &&
          !l.startsWith('| Severity') &&
          !l.startsWith('| ---'),
      );
      expect(rows).toHaveLength(SODIMO_SEEDED_FAILURES.length);
      expect(rows).toContain(
        '| error | `kernel-arg-forbidden` Forbidden kernel argument present | kernel arguments | ' +
          '`examples/sodimo/harness/mkosi.extra/usr/lib/bootc/kargs.d/00-strix-halo.toml:9` | ' +
          'forbidden kernel argument `amd_iommu=off` is set (bootc kargs.d) |',
      );
      // Each row has exactly the five cells of the header (pipes in text are escaped).
      for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(7);

      const waived = await check([
        'examples/sodimo',
        '--no-commits',
        '--now',
        '2026-03-31',
        '--format',
        'markdown',
      ]);
      expect(waived.out).toContain(
        '| `image-floating-tag` Image on a floating tag | cockpit.container | ' +
          '`examples/sodimo/dotfiles/home/dot_config/containers/systemd/cockpit.container:13` | D-167 | 2026-03-31 | ' +
          'slow upstream cadence, strong compatibility; pin at the end of the roll-out |',
      );
    });

    it('asks the registry with --online: the placeholder tag is missing, a failed lookup stays undecided', async () => {
      const asked: string[] = [];
      const command = createCheckCommand({
        resolveDigest:
          () =>
          async (ref: string): Promise<DigestResult> => {
            asked.push(ref);
            if (ref.includes('pi0.x.y')) return { status: 'not-found' };
            if (ref.startsWith('docker.io/rspamd/'))
              return { status: 'unknown', reason: 'timeout after 10000 ms' };
            if (ref.startsWith('docker.io/boky/'))
              throw new Error('socket hang up');
            return { status: 'ok', digest: `sha256:${'1'.repeat(64)}` };
          },
      });
      const io = captureIo(REPO);
      const code = await command.run(
        [...BOX, '--online', '--format', 'json'],
        io,
      );
      expect(code).toBe(1);
      const report = JSON.parse(io.out());
      expect(report.online).toBe(true);
      expect(asked).toHaveLength(new Set(asked).size);
      expect(asked).toContain('ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y');
      const results = report.results as CheckResult[];
      expect(
        results
          .filter(r => r.status === 'fail')
          .map(line)
          .sort(),
      ).toEqual(
        [...SODIMO_SEEDED_FAILURES, SODIMO_ONLINE_EXTRA_FAILURE].sort(),
      );
      const tagMissing = results.filter(r => r.checkId === 'image-tag-missing');
      expect(
        tagMissing
          .filter(r => r.status === 'unknown')
          .map(r => `${r.entityName}: ${r.message}`)
          .sort(),
      ).toEqual([
        expect.stringMatching(/^postfix\.container: .*socket hang up/),
        expect.stringMatching(/^rspamd\.container: .*timeout after 10000 ms/),
      ]);
      expect(tagMissing.some(r => r.status === 'pass')).toBe(true);
    });
  });

  describe('exit codes', () => {
    const warningsOnly = {
      'README.md': '# box\n',
      '.quadlet-portal/policy.yaml':
        'version: 1\nknownBroken:\n  label: null\n',
      'web.container':
        '[Container]\nImage=docker.io/library/nginx:1.27\n\n[Install]\nWantedBy=default.target\n',
    };
    const clean = {
      ...warningsOnly,
      'web.container': `[Container]\nImage=docker.io/library/nginx:1.27@sha256:${'a'.repeat(
        64,
      )}\n\n[Install]\nWantedBy=default.target\n`,
    };

    const boxes = { 'warnings only': warningsOnly, clean };
    it.each([
      ['warnings only', 'error', 0],
      ['warnings only', 'warning', 1],
      ['warnings only', 'never', 0],
      ['clean', 'warning', 0],
    ] as const)(
      '%s box: --fail-on %s exits %i',
      async (box, failOn, expected) => {
        const dir = tempBox(boxes[box]);
        try {
          const result = await check(
            ['.', '--no-commits', '--fail-on', failOn],
            dir,
          );
          expect(result.err).toBe('');
          expect(result.code).toBe(expected);
          expect(result.out).toContain(
            failOn === 'never'
              ? 'Result: --fail-on never, exit 0'
              : `exit ${expected}`,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );

    it('the example box passes with --fail-on never and fails with warning', async () => {
      expect((await check([...BOX, '--fail-on', 'never'])).code).toBe(0);
      expect((await check([...BOX, '--fail-on', 'warning'])).code).toBe(1);
    });

    it('fails the run on a bad policy file, naming file and line', async () => {
      const dir = tempBox({
        ...clean,
        '.quadlet-portal/policy.yaml':
          'version: 1\nwaivers:\n  - check: x\n    expires: soon\n',
      });
      try {
        const result = await check(['.', '--no-commits'], dir);
        expect(result.code).toBe(1);
        expect(result.out).toMatch(
          /error config-error: .*\n {2}\.quadlet-portal\/policy\.yaml:\d+ {2}/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it.each([
      [['check'], 'give at least one folder to read'],
      [['check', 'examples/nope'], 'no such folder: examples/nope'],
      [['check', 'examples/sodimo', '--format', 'xml'], 'unknown format "xml"'],
      [
        ['check', 'examples/sodimo', '--fail-on', 'info'],
        'unknown --fail-on level "info"',
      ],
      [
        ['check', 'examples/sodimo', '--now', '2026-02-30'],
        '--now "2026-02-30" is not a calendar day',
      ],
      [['check', 'examples/sodimo', '--verbose'], "Unknown option '--verbose'"],
    ])('exits 2 on bad usage: %j', async (argv, message) => {
      const io = captureIo(REPO);
      expect(await run(argv, io)).toBe(2);
      expect(io.err()).toContain(message);
      expect(io.out()).toBe('');
    });
  });
});

/**
 * The parts of SARIF 2.1.0 (OASIS, §3) GitHub code scanning requires or reads, checked one by
 * one: https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
function sarifProblems(sarif: any): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  const text = (value: any) => typeof value === 'string' && value.length > 0;
  need(sarif.version === '2.1.0', 'version is 2.1.0');
  need(
    text(sarif.$schema) && sarif.$schema.includes('sarif-2.1.0'),
    '$schema names 2.1.0',
  );
  need(Array.isArray(sarif.runs) && sarif.runs.length === 1, 'one run');
  for (const runLog of sarif.runs ?? []) {
    const driver = runLog.tool?.driver;
    need(text(driver?.name), 'tool.driver.name');
    const rules: any[] = driver?.rules ?? [];
    need(rules.length > 0, 'rules');
    const ids = new Set<string>();
    for (const rule of rules) {
      need(text(rule.id) && !ids.has(rule.id), `rule id unique: ${rule.id}`);
      ids.add(rule.id);
      need(text(rule.name), `${rule.id}.name`);
      need(
        text(rule.shortDescription?.text),
        `${rule.id}.shortDescription.text`,
      );
      need(text(rule.fullDescription?.text), `${rule.id}.fullDescription.text`);
      need(text(rule.help?.text), `${rule.id}.help.text`);
      need(
        /^https?:\/\/\S+#[a-z-]+$/.test(rule.helpUri),
        `${rule.id}.helpUri absolute`,
      );
      need(
        ['error', 'warning', 'note', 'none'].includes(
          rule.defaultConfiguration?.level,
        ),
        `${rule.id}.defaultConfiguration.level`,
      );
    }
    const base = runLog.originalUriBaseIds?.['%SRCROOT%']?.uri;
    need(
      text(base) && base.startsWith('file:///') && base.endsWith('/'),
      'originalUriBaseIds %SRCROOT% is a folder URI',
    );
    need(Array.isArray(runLog.results), 'results');
    for (const [i, result] of (runLog.results ?? []).entries()) {
      const at = `results[${i}]`;
      need(ids.has(result.ruleId), `${at}.ruleId names a rule`);
      need(
        rules[result.ruleIndex]?.id === result.ruleId,
        `${at}.ruleIndex points at its rule`,
      );
      need(
        ['error', 'warning', 'note', 'none'].includes(result.level),
        `${at}.level`,
      );
      need(text(result.message?.text), `${at}.message.text`);
      need(
        Array.isArray(result.locations) && result.locations.length >= 1,
        `${at}.locations`,
      );
      for (const location of result.locations ?? []) {
        const physical = location.physicalLocation;
        const uri = physical?.artifactLocation?.uri;
        need(
          text(uri) &&
            !uri.startsWith('/') &&
            !uri.includes('..') &&
            !uri.includes('\\') &&
            !/^[a-z]+:/.test(uri),
          `${at} uri relative: ${uri}`,
        );
        need(
          physical?.artifactLocation?.uriBaseId === '%SRCROOT%',
          `${at}.uriBaseId`,
        );
        need(
          Number.isInteger(physical?.region?.startLine) &&
            physical.region.startLine >= 1,
          `${at}.region.startLine >= 1`,
        );
      }
      const fingerprints = Object.values(result.partialFingerprints ?? {});
      need(
        fingerprints.length > 0 && fingerprints.every(text),
        `${at}.partialFingerprints`,
      );
    }
  }
  return problems;
}
