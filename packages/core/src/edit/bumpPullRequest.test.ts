import type { CheckResult } from '../checks/types';
import type { ImageBumpEdit } from './bumpPlan';
import { bumpPullRequest } from './bumpPullRequest';

const Q = 'home/dot_config/containers/systemd';
const DIGEST = `sha256:${'ef'.repeat(32)}`;

const edit: ImageBumpEdit = {
  tree: 'dotfiles',
  path: `${Q}/cockpit.container`,
  line: 13,
  units: [`dotfiles:${Q}/cockpit.container`],
  from: 'quay.io/cockpit/ws:latest',
  to: `quay.io/cockpit/ws:latest@${DIGEST}`,
  digest: DIGEST,
  reason: `pin :latest to the digest it points at now`,
  notes: [],
};

const finding = {
  checkId: 'image-floating-tag',
  status: 'fail',
  severity: 'warning',
  entity: `unit:dotfiles:${Q}/cockpit.container`,
  entityKind: 'unit',
  entityName: 'cockpit.container',
  message: 'floating tag quay.io/cockpit/ws:latest',
  fingerprint: 'x',
} as CheckResult;

describe('bumpPullRequest', () => {
  it('names the unit and shows old → new, digest and the findings resolved', () => {
    const pr = bumpPullRequest({
      mode: { kind: 'pin-digests' },
      edits: [edit],
      resolved: [finding],
    });
    expect(pr.title).toBe('Pin the cockpit.container image to its digest');
    expect(pr.body.split('\n')).toEqual(
      expect.arrayContaining([
        `| \`${Q}/cockpit.container:13\` | cockpit.container | \`quay.io/cockpit/ws:latest\` | \`quay.io/cockpit/ws:latest@${DIGEST}\` | \`${DIGEST}\` |`,
        '- **image-floating-tag** (warning) cockpit.container: floating tag quay.io/cockpit/ws:latest',
      ]),
    );
  });

  it('titles a move by its tag, several edits by their count, and lists what stayed', () => {
    const moved = { ...edit, to: 'quay.io/cockpit/ws:330', digest: undefined };
    expect(
      bumpPullRequest({ mode: { kind: 'to', tag: '330' }, edits: [moved] })
        .title,
    ).toBe('Bump the cockpit.container image to 330');
    const pr = bumpPullRequest({
      mode: { kind: 'newest', pattern: '^\\d+$' },
      edits: [
        moved,
        { ...moved, path: 'x/private_web.container.tmpl', units: [] },
      ],
      skipped: [
        {
          tree: 'dotfiles',
          path: `${Q}/db.container`,
          line: 4,
          units: [],
          image: 'docker.io/library/postgres:16',
          outcome: 'unknown',
          reason: 'the registry could not say (timeout)',
        },
      ],
    });
    expect(pr.title).toBe('Bump 2 images');
    expect(pr.body).toContain('| web.container |');
    expect(pr.body).toContain(
      `- \`${Q}/db.container:4\` \`docker.io/library/postgres:16\`: the registry could not say (timeout) (unknown)`,
    );
    expect(pr.body).toContain('matching `^\\d+$`');
  });
});
