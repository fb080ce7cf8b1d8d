import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  formatConformanceDetails,
  formatConformanceSummary,
} from './formatConformance';
import { runConformance } from './runConformance';

const podmanDir = path.join(__dirname, '__fixtures__', 'podman-quadlet');

describe('runConformance on podman e2e files', () => {
  const report = runConformance(podmanDir);

  it('agrees with podman on every file and round-trips every byte', () => {
    expect(formatConformanceSummary(report)).toBe(
      'conformance: 318/318 agree, 37/37 expected failures flagged, 318/318 round-trip identical',
    );
    expect(formatConformanceDetails(report)).toEqual([]);
  });

  it('counts drop-ins and sub-directory files, and takes a file header expectation when the table has none', () => {
    const byFile = new Map(report.results.map(r => [r.file, r]));
    expect(byFile.get('merged.container.d/10-first.conf')).toMatchObject({
      expected: 'success',
      verdict: 'success',
    });
    expect(byFile.get('test_subdir/sub_one/mysleep_1.container')).toMatchObject(
      { agree: true, expectedFrom: 'default' },
    );
    expect(byFile.get('group.container')).toMatchObject({
      expectedFrom: 'file-header',
      expected: 'error',
      flagged: true,
    });
  });

  it('checks service names and judges dependency-only files in their test tree', () => {
    const byFile = new Map(report.results.map(r => [r.file, r]));
    expect(byFile.get('service-name.network')).toMatchObject({
      serviceName: 'basic',
      agree: true,
    });
    expect(byFile.get('startwithpod_no.container')).toMatchObject({
      verdict: 'success',
    });
    expect(
      byFile.get('dependent.error.container')!.diagnostics[0].message,
    ).toBe('unable to translate dependency for basic.container');
  });
});

describe('runConformance reporting', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qp-conformance-'));
    fs.writeFileSync(
      path.join(dir, '_EXPECTATIONS.tsv'),
      [
        'table\tfile\texpected_message\tdependencies',
        'error\tmissed.container\tconverting "missed.container": no Image or Rootfs key specified\t',
        'success\twrong.container\t\t',
        'warning\twarned.container\tWarning: something else\t',
        'success-servicename\tnamed.network\tServiceName=other\t',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'missed.container'),
      '[Container]\nImage=localhost/a\n',
    );
    fs.writeFileSync(
      path.join(dir, 'wrong.container'),
      '[Container]\nExec=true\n',
    );
    fs.writeFileSync(
      path.join(dir, 'warned.container'),
      '[Container]\nImage=redis\n',
    );
    fs.writeFileSync(path.join(dir, 'named.network'), '[Network]\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains each disagreement', () => {
    const report = runConformance(dir);
    expect(formatConformanceSummary(report)).toBe(
      'conformance: 0/4 agree, 0/2 expected failures flagged, 4/4 round-trip identical',
    );
    expect(formatConformanceDetails(report)).toEqual([
      'missed.container: no error (expected "no Image or Rootfs key specified")',
      'named.network: service name named-network instead of other',
      'warned.container: no warning containing "something else"',
      'wrong.container: unexpected error: no Image or Rootfs key specified',
    ]);
  });
});
