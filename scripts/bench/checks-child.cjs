// Runs every check over one box in a fresh process and prints one JSON line of measurements.
// Usage: node checks-child.cjs <policy.yaml> <dir>…  (the policy is attached to the first tree).
/* eslint-disable */
const fs = require('node:fs');
const path = require('node:path');

require('@backstage/cli/config/nodeTransform.cjs');
const core = require(path.resolve(
  __dirname,
  '../../packages/core/src/index.ts',
));

const [policyFile, ...dirs] = process.argv.slice(2);
core.readBoxFromDirectories(dirs, { commits: false }).then(inventory => {
  const { policy, diagnostics } = core.readPolicy([
    {
      tree: inventory.trees[0].name,
      file: { path: core.POLICY_FILE, content: fs.readFileSync(policyFile) },
    },
  ]);
  // Every registry answers "found", so image-tag-missing takes its decided path as online runs do.
  const images = Object.fromEntries(
    core
      .registryImageRefs(inventory)
      .map(ref => [ref, { status: 'ok', digest: `sha256:${'0'.repeat(64)}` }]),
  );
  const context = {
    box: 'bench',
    inventory,
    policy,
    policyDiagnostics: diagnostics,
    now: new Date('2026-05-04T06:00:00Z'),
    online: { images, knownBrokenIssues: [] },
  };
  core.runChecks(context); // warm-up: the first run pays for JIT compilation
  const t0 = process.hrtime.bigint();
  const results = core.runChecks(context);
  const card = core.scoreOf(results);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const subjects = new Set(results.map(r => r.entity)).size;
  process.stdout.write(
    `${JSON.stringify({
      ms,
      results: results.length,
      failing: results.filter(r => r.status === 'fail').length,
      subjects,
      units: inventory.units.length + inventory.systemdUnits.length,
      score: card.box.score,
    })}\n`,
  );
});
