import { createPermission } from '@backstage/plugin-permission-common';

/** Starting a scorecard run on demand (`POST /runs`): a run reads every tree and may call registries and GitHub. */
export const scorecardRunPermission = createPermission({
  name: 'quadlet-portal.scorecard.run',
  attributes: { action: 'create' },
});

/** Reading runs, findings, history and exports. */
export const scorecardReadPermission = createPermission({
  name: 'quadlet-portal.scorecard.read',
  attributes: { action: 'read' },
});

export const scorecardPermissions = [
  scorecardRunPermission,
  scorecardReadPermission,
];
