import { lookupAll } from '../unit/lookup';
import type { UnitReport } from './report';

/** Each `Gateway=`/`IPRange=` pairs with a `Subnet=`, as podman's `ConvertNetwork` requires. */
export function validateNetwork(report: UnitReport): void {
  const u = report.unit.effective;
  const subnets = lookupAll(u, 'Network', 'Subnet');
  const gateways = lookupAll(u, 'Network', 'Gateway');
  const ranges = lookupAll(u, 'Network', 'IPRange');
  if (subnets.length > 0) {
    if (gateways.length > subnets.length) {
      report.error(
        gateways[subnets.length].entry,
        'quadlet/gateway-count',
        'cannot set more gateways than subnets',
      );
    }
    if (ranges.length > subnets.length) {
      report.error(
        ranges[subnets.length].entry,
        'quadlet/range-count',
        'cannot set more ranges than subnets',
      );
    }
  } else if (gateways.length > 0 || ranges.length > 0) {
    const first = (gateways[0] ?? ranges[0]).entry;
    report.error(
      first,
      'quadlet/no-subnet',
      'cannot set gateway or range without subnet',
    );
  }
}
