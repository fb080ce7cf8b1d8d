import { createRouteRef, useRouteRef } from '@backstage/core-plugin-api';

/**
 * The overview page (`/scorecard`, `/scorecard/:box`). A legacy route ref: the new frontend
 * system accepts it as is, so one ref serves both the page blueprint and legacy apps.
 */
export const rootRouteRef = createRouteRef({ id: 'scorecard' });

/**
 * The overview's path, or undefined when the app has not installed the page (a legacy app that
 * only uses the entity card). `useRouteRef` runs all its hooks before it throws, so catching
 * keeps the hook order stable.
 */
export function useScorecardRoot(): string | undefined {
  try {
    return useRouteRef(rootRouteRef)();
  } catch {
    return undefined;
  }
}
