// `yarn bench`: generates (or reuses) a deterministic synthetic box of 20,000 quadlet units
// and prints, in one run, how fast the core reads it next to `grep -rh '^Image='` over the
// same tree. Lines are `label: value` so later issues can add their own (entities, checks).
// No thresholds: it prints numbers, it does not judge them.
//
// The scan runs on the core compiled once to JavaScript (`compile.mjs`, what a built package
// runs), so time and memory are the scan's, not the TypeScript compiler's. The same scan is
// then run once more through the on-the-fly transform (`yarn backstage-cli` style, as the
// tests and `yarn start` load the core) and its numbers are printed too;
// `QP_BENCH_TRANSFORM=0` skips that second run.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyToCatalog,
  mapBox,
  printCatalogLines,
  printMappingLines,
} from './catalog.mjs';
import { compileCore } from './compile.mjs';
import { GENERATOR_VERSION, generateBox } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const UNITS = Number(process.env.QP_BENCH_UNITS ?? 20000);
const SEED = Number(process.env.QP_BENCH_SEED ?? 1);
const box = path.join(repo, '.cache/bench/box');
const stamp = path.join(repo, '.cache/bench/box.json');
const wanted = { version: GENERATOR_VERSION, units: UNITS, seed: SEED };

const line = (label, value) => console.log(`${`${label}:`.padEnd(18)}${value}`);
const mb = n => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Files and bytes under a folder, counted with the same rules as the scan (no .git). */
function measure(dir) {
  let files = 0;
  let bytes = 0;
  const walk = d => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) {
        files++;
        bytes += statSync(abs).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

let generation = 'reused .cache/bench/box';
const previous = existsSync(stamp)
  ? JSON.parse(readFileSync(stamp, 'utf8'))
  : null;
if (
  !previous ||
  JSON.stringify(previous) !== JSON.stringify(wanted) ||
  !existsSync(box)
) {
  const t0 = performance.now();
  generateBox(box, { units: UNITS, seed: SEED });
  writeFileSync(stamp, `${JSON.stringify(wanted)}\n`);
  generation = `generated in ${Math.round(performance.now() - t0)} ms`;
}
const { files, bytes } = measure(box);
const trees = [path.join(box, 'dotfiles'), path.join(box, 'harness')];

const compiled = compileCore(
  path.join(repo, 'packages/core/src'),
  path.join(repo, '.cache/bench/core'),
);

/** One scan in a fresh process; `core` is a compiled entry, or undefined for the transform. */
function scanInChild(core) {
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    [path.join(here, 'scan-child.cjs'), ...trees],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, QP_BENCH_CORE: core ?? '' },
    },
  );
  const processMs = performance.now() - t0;
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  return {
    ...JSON.parse(child.stdout.trim().split('\n').pop()),
    processMs,
  };
}
const scan = scanInChild(compiled.entry);
const transformed =
  process.env.QP_BENCH_TRANSFORM === '0' ? undefined : scanInChild(undefined);

const g0 = performance.now();
const grep = spawnSync('grep', ['-rh', '^Image=', box], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
const grepMs = performance.now() - g0;
const grepLines = grep.stdout
  ? grep.stdout.split('\n').filter(Boolean).length
  : 0;

line(
  'bench',
  `synthetic box v${GENERATOR_VERSION}, seed ${SEED}, ${UNITS} units (${generation})`,
);
line('files', files);
line('bytes', `${bytes} (${mb(bytes)})`);
line(
  'scan wall time',
  `${Math.round(
    scan.scanMs,
  )} ms (readBoxFromDirectories in one process, git log included)`,
);
line(
  'scan cpu time',
  `${Math.round(
    scan.cpuMs,
  )} ms (user + system, GC threads included; steadier than wall time on a busy machine)`,
);
line(
  'stages',
  Object.entries(scan.stages)
    .filter(([, ms]) => ms >= 1)
    .map(([stage, ms]) => `${stage} ${Math.round(ms)}`)
    .join(', '),
);
line(
  'core',
  `compiled to .cache/bench/core with swc (${compiled.files} files, ${
    compiled.rebuilt ? 'rebuilt' : 'reused'
  }${
    compiled.skipped.length > 0
      ? `; left out, not compiling: ${compiled.skipped.join(', ')}`
      : ''
  })`,
);
line(
  'process wall',
  `${Math.round(scan.processMs)} ms (node start and core load ${Math.round(
    scan.loadMs,
  )} ms, scan, JSON)`,
);
line('files/s', Math.round(files / (scan.scanMs / 1000)));
line('MB/s', (bytes / 1024 / 1024 / (scan.scanMs / 1000)).toFixed(1));
line(
  'peak RSS',
  `${Math.round(scan.maxRssKb / 1024)} MB (scan child; ${Math.round(
    scan.loadRssKb / 1024,
  )} MB of it is node and the core's code before the scan)`,
);
if (transformed)
  line(
    'with transform',
    `scan ${Math.round(transformed.scanMs)} ms wall, ${Math.round(
      transformed.cpuMs,
    )} ms cpu, peak RSS ${Math.round(
      transformed.maxRssKb / 1024,
    )} MB (${Math.round(
      transformed.loadRssKb / 1024,
    )} MB before the scan: node, the TypeScript transform, the core's code and its source maps)`,
  );
line(
  'json',
  `${Math.round(scan.jsonMs)} ms, ${mb(
    scan.jsonBytes,
  )}, peak RSS with it ${Math.round(scan.jsonRssKb / 1024)} MB`,
);
line(
  'grep wall time',
  `${Math.round(grepMs)} ms (grep -rh '^Image=', ${grepLines} lines)`,
);
line('ratio', `${(scan.scanMs / grepMs).toFixed(1)}x grep`);
line(
  'inventory',
  `${scan.units} units (${scan.containers} containers), ${scan.systemdUnits} systemd units, ${scan.models} models, ${scan.aliases} aliases, ` +
    `${scan.hostnames} hostnames, ${scan.decisions} decisions, ${scan.envFiles} env files`,
);
line('diagnostics', `${scan.diagnostics} (${scan.errors} errors)`);

// All checks over the same box, with the example box's policy (runChecks + scoreOf, warm).
const checksChild = spawnSync(
  process.execPath,
  [
    path.join(here, 'checks-child.cjs'),
    path.join(repo, 'examples/sodimo/dotfiles/.quadlet-portal/policy.yaml'),
    ...trees,
  ],
  { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (checksChild.status !== 0) {
  console.error(checksChild.stderr);
  process.exit(1);
}
const checks = JSON.parse(checksChild.stdout.trim().split('\n').pop());
line(
  'checks',
  `${(checks.ms / checks.subjects).toFixed(3)} ms per entity (${Math.round(
    checks.ms,
  )} ms for ${checks.results} results over ${checks.subjects} entities, ${
    checks.units
  } units; ${checks.failing} failing)`,
);

// The box as catalog entities: the mapping, then the real backend applying it (catalog.mjs).
// `QP_BENCH_CATALOG=0` skips the backend; `QP_BENCH_CATALOG_MINUTES` time-boxes it (20).
const mapped = mapBox(compiled.entry, ...trees);
printMappingLines(line, mapped);
printCatalogLines(
  line,
  process.env.QP_BENCH_CATALOG === '0'
    ? undefined
    : await applyToCatalog({
        dotfiles: trees[0],
        os: trees[1],
        expected: mapped.unique,
        minutes: Number(process.env.QP_BENCH_CATALOG_MINUTES ?? 20),
      }),
);
