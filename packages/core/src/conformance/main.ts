/**
 * Prints the conformance of the parser and quadlet checks against podman's e2e test
 * directory: one line per disagreement, then the summary line.
 *   node_modules/.bin/sucrase-node packages/core/src/conformance/main.ts <dir>
 */
import {
  formatConformanceDetails,
  formatConformanceSummary,
} from './formatConformance';
import { runConformance } from './runConformance';

export function main(argv: readonly string[]): number {
  const dir = argv[0];
  if (!dir) {
    process.stderr.write('usage: main.ts <podman-quadlet-test-dir>\n');
    return 2;
  }
  const report = runConformance(dir);
  for (const line of formatConformanceDetails(report)) {
    process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`${formatConformanceSummary(report)}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
