import type { ConformanceReport } from './runConformance';

/** The one-line summary: `conformance: A/N agree, F/E expected failures flagged, R/N round-trip identical`. */
export function formatConformanceSummary(report: ConformanceReport): string {
  const t = report.totals;
  return `conformance: ${t.agree}/${t.files} agree, ${t.flagged}/${t.expectedFailures} expected failures flagged, ${t.roundTrip}/${t.files} round-trip identical`;
}

/** One line per file that does not agree or does not round-trip, with the reason. */
export function formatConformanceDetails(report: ConformanceReport): string[] {
  const lines: string[] = [];
  for (const r of report.results) {
    if (!r.agree) lines.push(`${r.file}: ${r.reason}`);
    if (!r.roundTrip)
      lines.push(`${r.file}: write(parse(bytes)) differs from the bytes`);
    if (r.agree && r.expectedFailure && !r.flagged)
      lines.push(`${r.file}: right severity, but not podman's message`);
  }
  return lines;
}
