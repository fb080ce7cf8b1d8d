import type { OsFacts } from '../inventory/types';
import {
  contextOf,
  emptyInventory,
  OS_TREE,
  policyWith,
  runOnly,
  waiver,
} from './__fixtures__/testBox';
import { osReleaseOutsideBand } from './osReleaseOutsideBand';

const os = (release: string | undefined, distribution = 'fedora'): OsFacts => ({
  distribution,
  ...(release !== undefined ? { release } : {}),
  packages: [],
  source: { tree: 'harness', path: 'mkosi.conf', line: 8 },
});
const band = policyWith(
  p =>
    (p.os = {
      distribution: 'fedora',
      minRelease: '42',
      maxRelease: '43',
      reason: 'kyuz0 band',
    }),
);
const trees = emptyInventory().trees.concat(OS_TREE);
const statusOf = (facts: OsFacts | undefined) =>
  osReleaseOutsideBand.run(
    contextOf(emptyInventory({ trees, ...(facts ? { os: facts } : {}) }), band),
  )[0];

describe('os-release-outside-band', () => {
  it('is not applied without a band in the policy', () => {
    expect(
      osReleaseOutsideBand.run(contextOf(emptyInventory({ os: os('44') }))),
    ).toEqual([]);
  });

  it('passes releases inside the band, numerically (42, 43)', () => {
    expect(statusOf(os('42')).status).toBe('pass');
    expect(statusOf(os('43')).message).toBe(
      'fedora 43 is inside the validated band fedora 42–43 (kyuz0 band)',
    );
  });

  it('fails a release above or below the band, at the Release= line', () => {
    expect(statusOf(os('44'))).toMatchObject({
      status: 'fail',
      entity: 'os:os',
      entityRef: 'resource:sodimo/os-image',
      file: 'mkosi.conf',
      line: 8,
      message:
        'fedora 44 is outside the validated band fedora 42–43 (kyuz0 band)',
    });
    expect(statusOf(os('9')).status).toBe('fail');
    expect(statusOf(os('rawhide')).message).toContain('cannot be placed');
    expect(statusOf(os('43', 'centos')).message).toContain(
      'not the validated distribution',
    );
  });

  it('is unknown without a release or without an OS tree', () => {
    expect(statusOf(os(undefined)).status).toBe('unknown');
    expect(
      osReleaseOutsideBand.run(contextOf(emptyInventory(), band))[0],
    ).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining('no OS tree'),
    });
  });

  it('can be waived while the new release is being validated', () => {
    const policy = policyWith(p => {
      p.os = band.os;
      p.waivers.push(waiver('os-release-outside-band', 'os'));
    });
    expect(
      runOnly(
        'os-release-outside-band',
        contextOf(emptyInventory({ trees, os: os('44') }), policy),
      )[0].status,
    ).toBe('waived');
  });
});
