import {
  at,
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  waiver,
} from './__fixtures__/testBox';
import { decisionNotRecorded } from './decisionNotRecorded';

describe('decision-not-recorded', () => {
  const inventory = emptyInventory({
    decisions: [
      {
        id: 'D-167',
        status: 'defined',
        title: 'Pin application images by digest',
        definition: at('docs/decisions.md', 41, 'harness'),
        citations: [],
      },
      {
        id: 'D-171',
        status: 'cited',
        citations: [
          {
            source: at(
              'mkosi.extra/usr/lib/systemd/system/chezmoi-update.service',
              4,
              'harness',
            ),
            subjects: [],
          },
          { commit: '0123456789abcdef', subjects: [] },
        ],
      },
      {
        id: 'D-200',
        status: 'cited',
        citations: [{ commit: 'fedcba9876543210', subjects: [] }],
      },
    ],
  });

  it('fails cited-only decisions at their first file citation, passes recorded ones at their heading', () => {
    const results = decisionNotRecorded.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail D-171',
      'fail D-200',
      'pass D-167',
    ]);
    expect(results.find(r => r.entityName === 'D-171')).toMatchObject({
      entity: 'decision:D-171',
      entityRef: 'decision:sodimo/d-171',
      tree: 'harness',
      file: 'mkosi.extra/usr/lib/systemd/system/chezmoi-update.service',
      line: 4,
      message:
        'D-171 is cited (1 file citation, 1 commit (0123456)) but no document records it',
    });
    expect(results.find(r => r.entityName === 'D-200')!.file).toBeUndefined();
    expect(results.find(r => r.entityName === 'D-167')).toMatchObject({
      file: 'docs/decisions.md',
      line: 41,
    });
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('decision-not-recorded', 'D-171')),
    );
    expect(
      runOnly('decision-not-recorded', contextOf(inventory, policy)).find(
        r => r.entityName === 'D-171',
      )!.status,
    ).toBe('waived');
  });
});
