// Runs one scan in a fresh process so its time and peak memory are its own.
// Usage: node scan-child.cjs <dir>…  → prints one JSON line of measurements.
// QP_BENCH_CORE: the core to load: a compiled `index.js` (see compile.mjs), or unset to load
// the TypeScript sources through Backstage's on-the-fly transform.
/* eslint-disable */
const path = require('node:path');

const started = process.hrtime.bigint();
const compiled = process.env.QP_BENCH_CORE;
if (!compiled) require('@backstage/cli/config/nodeTransform.cjs');
const { readBoxFromDirectories } = require(compiled ||
  path.resolve(__dirname, '../../packages/core/src/index.ts'));
const loaded = process.hrtime.bigint();
// What the process holds before scanning: node itself, the core's code (and the transform).
const loadRssKb = process.memoryUsage().rss / 1024;

const stages = {};
const cpu = process.cpuUsage();
readBoxFromDirectories(process.argv.slice(2), {
  onStage: (stage, ms) => (stages[stage] = (stages[stage] ?? 0) + ms),
}).then(inventory => {
  const scanned = process.hrtime.bigint();
  const used = process.cpuUsage(cpu);
  // Peak memory of the scan itself, before serialising the result makes its own copy.
  const scanRssKb = process.resourceUsage().maxRSS;
  const json = JSON.stringify(inventory);
  const serialised = process.hrtime.bigint();
  const ms = (a, b) => Number(b - a) / 1e6;
  const count = list => list.length;
  process.stdout.write(
    `${JSON.stringify({
      loadMs: ms(started, loaded),
      loadRssKb,
      scanMs: ms(loaded, scanned),
      cpuMs: (used.user + used.system) / 1000,
      stages,
      jsonMs: ms(scanned, serialised),
      jsonBytes: json.length,
      maxRssKb: scanRssKb,
      jsonRssKb: process.resourceUsage().maxRSS,
      units: count(inventory.units),
      containers: inventory.units.filter(u => u.type === 'container').length,
      systemdUnits: count(inventory.systemdUnits),
      models: count(inventory.models),
      aliases: count(inventory.aliases),
      hostnames: count(inventory.hostnames),
      decisions: count(inventory.decisions),
      envFiles: count(inventory.envFiles),
      diagnostics: count(inventory.diagnostics),
      errors: inventory.diagnostics.filter(d => d.severity === 'error').length,
    })}\n`,
  );
});
