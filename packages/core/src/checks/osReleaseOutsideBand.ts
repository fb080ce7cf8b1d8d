import { compareVersions } from '../quadlet';
import type { OsBand } from '../policy/types';
import { docsAnchor, Reporter } from './report';
import { hasOsTree } from './kernelArgs';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'os-release-outside-band';

const NUMERIC = /^\d+(\.\d+)*$/;

function rangeText(min: string | undefined, max: string | undefined): string {
  if (min !== undefined && max !== undefined)
    return min === max ? min : `${min}–${max}`;
  if (min !== undefined) return `${min} or later`;
  if (max !== undefined) return `${max} or earlier`;
  return 'any release';
}

function bandText(band: OsBand): string {
  const range = rangeText(band.minRelease, band.maxRelease);
  return `${band.distribution ?? 'any distribution'} ${range}${
    band.reason ? ` (${band.reason})` : ''
  }`;
}

/** Negative, zero or positive like a comparator; undefined when the two cannot be ordered (`rawhide` vs `42`). */
function compareRelease(a: string, b: string): number | undefined {
  if (NUMERIC.test(a) && NUMERIC.test(b)) return compareVersions(a, b);
  return a === b ? 0 : undefined;
}

export const osReleaseOutsideBand: CheckDefinition = {
  id: ID,
  title: 'OS release outside the validated band',
  severity: 'warning',
  rationale:
    'Drivers, firmware and kernel arguments are validated on a band of distribution releases. A release outside it ' +
    'may work, but nothing says so yet: it needs a real-hardware smoke test before the box counts as production.',
  remediation:
    'Build the image on a release inside the band (`Release=` in `mkosi.conf`), or validate the new release and ' +
    'widen `os.minRelease`/`os.maxRelease` in the policy.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const band = context.policy.os;
    if (!band) return [];
    const report = new Reporter(osReleaseOutsideBand, context);
    const subject = subjects.os();
    const os = context.inventory.os;
    if (!os || os.release === undefined) {
      const why = hasOsTree(context.inventory)
        ? 'the OS tree names no distribution release'
        : 'the box has no OS tree';
      report.unknown(
        subject,
        os?.source,
        `${why}: cannot compare it with ${bandText(band)}`,
      );
      return report.results;
    }
    const written = `${os.distribution ?? '(no distribution)'} ${os.release}`;
    if (
      band.distribution !== undefined &&
      os.distribution?.toLowerCase() !== band.distribution.toLowerCase()
    ) {
      report.fail(
        subject,
        os.source,
        `${written} is not the validated distribution: ${bandText(band)}`,
      );
      return report.results;
    }
    const low =
      band.minRelease === undefined
        ? 1
        : compareRelease(os.release, band.minRelease);
    const high =
      band.maxRelease === undefined
        ? -1
        : compareRelease(os.release, band.maxRelease);
    if (low === undefined || high === undefined) {
      report.fail(
        subject,
        os.source,
        `${written} cannot be placed in the validated band ${bandText(band)}`,
      );
    } else if (low < 0 || high > 0) {
      report.fail(
        subject,
        os.source,
        `${written} is outside the validated band ${bandText(band)}`,
      );
    } else {
      report.pass(
        subject,
        os.source,
        `${written} is inside the validated band ${bandText(band)}`,
      );
    }
    return report.results;
  },
};
