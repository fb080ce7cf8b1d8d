import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import type { BoxTree, SourceFile } from '@quadlet-portal/core';
import type { BoxTreeConfig } from '../config/types';

export type UrlTreeResult =
  /** The tree did not change since `etag` (the same commit): nothing was downloaded. */
  { unchanged: true } | { unchanged: false; tree: BoxTree; etag: string };

/**
 * Reads a repository tree through Backstage's URL reader (for GitHub: one tarball of the commit),
 * passing the ETag of the last read so an unchanged commit costs one API call and no download.
 * Any other failure (404, bad token, rate limit, network) is thrown to the caller.
 */
export async function readUrlTree(
  urlReader: UrlReaderService,
  config: BoxTreeConfig & { source: { type: 'url' } },
  options: { etag?: string; signal?: AbortSignal } = {},
): Promise<UrlTreeResult> {
  let response;
  try {
    response = await urlReader.readTree(config.source.url, {
      etag: options.etag,
      signal: options.signal,
    });
  } catch (error) {
    // By name, not instanceof: the error class may come from another copy of @backstage/errors.
    if (isError(error) && error.name === 'NotModifiedError')
      return { unchanged: true };
    throw error;
  }
  const entries = await response.files();
  const files: SourceFile[] = await Promise.all(
    entries.map(async entry => ({
      path: entry.path,
      content: await entry.content(),
    })),
  );
  files.sort((a, b) => byCodeUnits(a.path, b.path));
  const tree: BoxTree = {
    name: config.name,
    files,
    location: config.source.url,
  };
  if (config.role) tree.role = config.role;
  return { unchanged: false, tree, etag: response.etag };
}

/** Plain code-unit order, as the core sorts paths (no locale). */
function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
