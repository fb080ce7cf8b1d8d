// The catalog stage of `yarn bench`: the synthetic box as catalog entities.
//
// 1. `mapBox`: `inventoryToEntities` over the box in a fresh process (entities-child.cjs), on
//    the compiled core: entity count, time, and what the catalog's entity policies would refuse.
// 2. `applyToCatalog`: the real backend (as e2e/run.mjs starts it: no file watcher, own process
//    group, fresh SQLite folder, random API token, free loopback port) with the synthetic box as
//    its only box, timed from ready until the catalog API serves every entity of the box.
//    The scorecard and the catalog search collator would read the same 22,000 entities during
//    the measurement; their first runs are pushed a day out.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const BOX = 'bench';
const sleep = ms => new Promise(r => setTimeout(r, ms));
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

/** `inventoryToEntities` over the box, in a fresh process on the compiled core. */
export function mapBox(core, dotfiles, os) {
  const child = spawnSync(
    process.execPath,
    [path.join(here, 'entities-child.cjs'), dotfiles, os],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, QP_BENCH_CORE: core },
    },
  );
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Peak resident memory and CPU seconds of a live process, from /proc (Linux only). */
function procStats(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
    // utime and stime are fields 14 and 15, counted after the command name's closing paren.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return {
      peakRssKb: hwm ? Number(hwm[1]) : undefined,
      cpuS: ticks / 100, // USER_HZ is 100 on every Linux Node runs on
    };
  } catch {
    return undefined;
  }
}

/**
 * Where the box's entities are inside the catalog, read from its SQLite file (read-only, while
 * the backend runs): known to the catalog, processed, with processing errors, stitched
 * (queryable), and the stitch queue. Shows whether processing or stitching is behind.
 */
function catalogState(sqliteDir) {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const db = new Database(path.join(sqliteDir, 'catalog.sqlite'), {
      readonly: true,
      fileMustExist: true,
      timeout: 5000,
    });
    try {
      const count = (sql, ...args) =>
        db
          .prepare(sql)
          .pluck()
          .get(...args);
      const ours = `%:${BOX}/%`;
      return {
        known: count(
          'SELECT COUNT(*) FROM refresh_state WHERE entity_ref LIKE ?',
          ours,
        ),
        processed: count(
          'SELECT COUNT(*) FROM refresh_state WHERE entity_ref LIKE ? AND processed_entity IS NOT NULL',
          ours,
        ),
        failing: count(
          "SELECT COUNT(*) FROM refresh_state WHERE entity_ref LIKE ? AND errors IS NOT NULL AND errors NOT IN ('', '[]')",
          ours,
        ),
        stitched: count(
          'SELECT COUNT(*) FROM final_entities WHERE entity_ref LIKE ? AND final_entity IS NOT NULL',
          ours,
        ),
        queued: count('SELECT COUNT(*) FROM stitch_queue'),
      };
    } finally {
      db.close();
    }
  } catch (error) {
    return { error: error.message };
  }
}
const describeState = state =>
  state.error
    ? `catalog database not readable (${state.error})`
    : `${state.known} known to the catalog, ${state.processed} processed, ${state.failing} with errors, ` +
      `${state.stitched} stitched, ${state.queued} waiting to be stitched`;

// Strips the colours of the development log format.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Starts the backend with the box as its only box and waits until the catalog serves
 * `expected` entities of its namespace (or `minutes` pass). Returns what was reached.
 */
export async function applyToCatalog({ dotfiles, os, expected, minutes }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = randomBytes(24).toString('hex');
  const sqliteDir = mkdtempSync(path.join(tmpdir(), 'qp-bench-sqlite-'));
  const boxes = [
    {
      name: BOX,
      title: 'yarn bench synthetic box',
      owner: 'group:default/box-admins',
      dotfiles,
      os,
      // Once, at once; long enough a timeout for a 20,000-unit read and one full mutation.
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 30 },
        initialDelay: { seconds: 0 },
      },
    },
  ];
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
    ],
    {
      cwd: path.join(repo, 'packages', 'backend'),
      detached: true, // own process group: stop() reaches everything it starts
      env: {
        ...process.env,
        NODE_ENV: 'development',
        QP_SQLITE_DIR: sqliteDir,
        QP_API_TOKEN: token,
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_app_baseUrl: baseUrl,
        APP_CONFIG_backend_cors_origin: baseUrl,
        APP_CONFIG_quadletPortal_boxes: JSON.stringify(boxes),
        // Merged into app-config's scorecard schedule: its first run a day after start.
        APP_CONFIG_quadletPortal_scorecard_schedule: JSON.stringify({
          initialDelay: { hours: 24 },
        }),
        APP_CONFIG_search_collators_catalog_schedule: JSON.stringify({
          frequency: { hours: 24 },
          timeout: { minutes: 15 },
          initialDelay: { hours: 24 },
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const onSignal = () => {
    stop();
    rmSync(sqliteDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('exit', stop);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // What the log tells: the provider's outcome, and the catalog's processing errors (the logs
  // module writes each with `entity="kind:namespace/name"`), one reason kept per entity.
  const tail = [];
  const rejected = new Map();
  const providerProblems = [];
  let applied;
  let registeredAt;
  let partial = '';
  const onLine = raw => {
    const text = raw.replace(ANSI, '');
    // The tail shown on failure; the bench's own polls would fill it.
    if (!text.includes(' rootHttpRouter ')) {
      tail.push(text);
      if (tail.length > 60) tail.shift();
    }
    if (
      text.includes(`Registered scheduled task: quadlet-portal:${BOX}:refresh`)
    )
      registeredAt = Date.now();
    if (text.includes(`quadlet-portal box "${BOX}"`)) {
      const done = /: (\d+) entities from \d+ trees/.exec(text);
      if (done) applied = { at: Date.now(), entities: Number(done[1]) };
      else if (/ (warn|error) /.test(text)) providerProblems.push(text);
    }
    const entity = new RegExp(`entity="([^":]+:${BOX}/[^"]+)"`).exec(text);
    if (entity && / (warn|error) /.test(text) && !rejected.has(entity[1])) {
      const message = / (?:warn|error) (.*?) (?:entity|location)=/.exec(text);
      rejected.set(entity[1], message ? message[1] : text);
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', chunk => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      lines.forEach(onLine);
    });
  }

  const result = {
    port,
    expected,
    minutes,
    rejected,
    providerProblems,
    tail,
  };
  try {
    // Ready: the backend answers its readiness probe.
    const readyBy = Date.now() + 5 * 60_000;
    while (Date.now() < readyBy && child.exitCode === null) {
      const res = await fetch(
        `${baseUrl}/.backstage/health/v1/readiness`,
      ).catch(() => undefined);
      if (res?.ok) {
        result.readyMs = Date.now() - started;
        break;
      }
      await sleep(1000);
    }
    if (result.readyMs === undefined) {
      result.failure =
        child.exitCode !== null
          ? `backend exited with ${child.exitCode} before it was ready`
          : 'backend not ready within 5 minutes';
      return result;
    }
    const ready = Date.now();
    const cpuAtReady = procStats(child.pid)?.cpuS;

    // Processed: the catalog serves every entity of the namespace, the provider has logged its
    // mutation, and the count holds for 10 s. Entities the catalog refused count as settled.
    const deadline = ready + minutes * 60_000;
    const url = `${baseUrl}/api/catalog/entities/by-query?filter=metadata.namespace=${BOX}&limit=1`;
    let stableSince;
    let lastReport = ready;
    let count = 0;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        result.failure = `backend exited with ${child.exitCode}`;
        break;
      }
      try {
        const res = await fetch(url, {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (res.ok) {
          const body = await res.json();
          if (body.totalItems !== count) stableSince = undefined;
          count = body.totalItems;
          if (count > 0 && result.firstMs === undefined)
            result.firstMs = Date.now() - ready;
        }
      } catch {
        /* a busy backend: try again */
      }
      const settled = count + rejected.size >= expected && applied;
      if (settled) {
        stableSince ??= Date.now();
        if (result.allMs === undefined) result.allMs = Date.now() - ready;
        if (Date.now() - stableSince >= 10_000) break;
      } else {
        stableSince = undefined;
        result.allMs = undefined;
      }
      if (providerProblems.length > 0 && !applied) {
        result.failure = 'the provider did not apply the box';
        break;
      }
      if (Date.now() - lastReport >= 60_000) {
        lastReport = Date.now();
        const cpu = procStats(child.pid)?.cpuS;
        process.stderr.write(
          `bench catalog: ${seconds(
            Date.now() - ready,
          )} after ready, ${count}/${expected} queryable${
            applied ? '' : ', provider not applied yet'
          }; ${describeState(catalogState(sqliteDir))}${
            cpu !== undefined && cpuAtReady !== undefined
              ? `; backend ${Math.round(cpu - cpuAtReady)} s CPU since ready`
              : ''
          }\n`,
        );
      }
      await sleep(2000);
    }
    if (applied) {
      result.appliedMs = applied.at - ready;
      result.appliedEntities = applied.entities;
      // The run starts as its task is registered (initialDelay 0), often before ready.
      if (registeredAt !== undefined) result.runMs = applied.at - registeredAt;
    }
    result.count = count;
    result.waitedMs = Date.now() - ready;
    result.state = catalogState(sqliteDir);
    const stats = procStats(child.pid);
    if (stats) {
      result.peakRssKb = stats.peakRssKb;
      if (cpuAtReady !== undefined) result.cpuS = stats.cpuS - cpuAtReady;
    }
    return result;
  } finally {
    stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', stop);
    // The backend holds the database open until it has exited.
    const gone = Date.now() + 15_000;
    while (
      child.exitCode === null &&
      child.signalCode === null &&
      Date.now() < gone
    )
      await sleep(200);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(sqliteDir, { recursive: true, force: true });
  }
}

/** The mapping's lines, in `yarn bench`'s `label: value` style. */
export function printMappingLines(line, mapped) {
  const kinds = Object.entries(mapped.kinds)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  line(
    'entities',
    `${mapped.entities} (${kinds}) in ${Math.round(
      mapped.ms,
    )} ms (inventoryToEntities on the compiled core; peak RSS ${Math.round(
      mapped.maxRssKb / 1024,
    )} MB with the read)`,
  );
  line(
    'entity checks',
    `${mapped.duplicates} duplicate refs, ${
      mapped.invalid
    } refused by the catalog's entity policies${
      mapped.invalidExamples.length > 0
        ? ` (${mapped.invalidExamples.join('; ')})`
        : ''
    }`,
  );
}

/** The catalog stage's lines; `catalog` undefined when it was skipped. */
export function printCatalogLines(line, catalog) {
  if (!catalog) {
    line('catalog', 'skipped (QP_BENCH_CATALOG=0)');
    return;
  }
  const showTail = () =>
    console.error(
      `bench catalog: last backend log lines:\n${catalog.tail.join('\n')}`,
    );
  if (catalog.readyMs === undefined) {
    line('catalog', `failed: ${catalog.failure}`);
    showTail();
    return;
  }
  line(
    'catalog',
    `real backend on SQLite, ready in ${seconds(
      catalog.readyMs,
    )}; scorecard and search collator held off; times from ready`,
  );
  if (catalog.failure) line('catalog failure', catalog.failure);
  for (const problem of catalog.providerProblems.slice(0, 3))
    line('provider', problem);
  line(
    'catalog apply',
    catalog.appliedMs !== undefined
      ? `${catalog.appliedEntities} entities, one full mutation, logged ${
          catalog.appliedMs >= 0
            ? `at ${seconds(catalog.appliedMs)}`
            : `${seconds(-catalog.appliedMs)} before ready`
        }${
          catalog.runMs !== undefined
            ? ` (${seconds(
                catalog.runMs,
              )} after its task was registered: read, map, apply)`
            : ''
        }`
      : 'the provider never logged its mutation',
  );
  if (catalog.allMs !== undefined) {
    line(
      'all queryable',
      `${catalog.count} entities of namespace ${BOX} at ${seconds(
        catalog.allMs,
      )} (first at ${seconds(catalog.firstMs ?? 0)})`,
    );
    line(
      'catalog rate',
      `${Math.round(
        catalog.count / (catalog.allMs / 1000),
      )} entities/s from ready to all queryable`,
    );
  } else {
    line(
      'all queryable',
      `no: ${catalog.count}/${catalog.expected} at ${seconds(
        catalog.waitedMs,
      )} (${
        catalog.failure ? 'stopped' : `time box ${catalog.minutes} min`
      }; ${Math.round(
        catalog.count / (catalog.waitedMs / 1000),
      )} entities/s from ready)`,
    );
  }
  line(
    'catalog rejected',
    catalog.rejected.size === 0
      ? '0 entities with processing errors in the log'
      : `${catalog.rejected.size} entities with processing errors: ${[
          ...catalog.rejected,
        ]
          .slice(0, 3)
          .map(([ref, why]) => `${ref}: ${why.slice(0, 240)}`)
          .join('; ')}`,
  );
  if (catalog.state) line('catalog state', describeState(catalog.state));
  if (catalog.peakRssKb !== undefined)
    line(
      'backend memory',
      `peak RSS ${Math.round(catalog.peakRssKb / 1024)} MB (VmHWM)${
        catalog.cpuS !== undefined
          ? `; ${catalog.cpuS.toFixed(0)} s CPU from ready`
          : ''
      }`,
    );
  if (catalog.failure || catalog.allMs === undefined) showTail();
}
