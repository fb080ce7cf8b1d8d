import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  readDirectoryTree,
  type BoxTree,
  type InventoryDiagnostic,
} from '@quadlet-portal/core';
import type { BoxTreeConfig } from '../config/types';
import { readUrlTree } from './readUrlTree';
import { webBaseOf } from './webBase';

/** One tree of a box as last read. */
export interface TreeState {
  /** Identifies this version: the URL reader's ETag (a commit for GitHub), or a hash of a local tree's bytes. */
  etag: string;
  tree: BoxTree;
  /** Problems met while reading (unreadable files); they join the box's diagnostics. */
  diagnostics: InventoryDiagnostic[];
  /** Browsable prefix of the tree's files, for URL trees of a known shape. */
  webBase?: string;
}

/**
 * Reads one tree of a box. Returns `previous` itself when the tree has not changed since
 * (for a URL: nothing downloaded; for a folder: same bytes), so the caller can skip parsing.
 * Throws when the source cannot be read at all.
 */
export async function readTreeState(
  config: BoxTreeConfig,
  previous: TreeState | undefined,
  deps: { urlReader: UrlReaderService; signal?: AbortSignal },
): Promise<TreeState> {
  const { source } = config;
  if (source.type === 'url') {
    const result = await readUrlTree(
      deps.urlReader,
      { ...config, source },
      { etag: previous?.etag, signal: deps.signal },
    );
    if (result.unchanged) {
      if (!previous)
        throw new Error(
          'the URL reader answered "not modified" to a first read',
        );
      return previous;
    }
    const state: TreeState = {
      etag: result.etag,
      tree: result.tree,
      diagnostics: [],
    };
    const webBase = webBaseOf(source.url, result.etag);
    if (webBase) state.webBase = webBase;
    return state;
  }
  // A root that is gone fails the run (the catalog keeps the last entities); the core would
  // report it as a diagnostic and the box would lose every entity.
  const info = await stat(source.path);
  if (!info.isDirectory()) throw new Error(`${source.path} is not a directory`);
  // The core's reader, as `quadlet-portal entities` reads a folder: the two cannot disagree.
  const { tree, diagnostics } = await readDirectoryTree(source.path, {
    name: config.name,
    role: config.role,
    signal: deps.signal,
  });
  const etag = contentHash(tree, diagnostics);
  return previous?.etag === etag ? previous : { etag, tree, diagnostics };
}

/** A digest of everything the core reads from a tree, so an untouched folder is not parsed again. */
export function contentHash(
  tree: BoxTree,
  diagnostics: readonly InventoryDiagnostic[] = [],
): string {
  const hash = createHash('sha256');
  const field = (text: string) =>
    hash.update(`${Buffer.byteLength(text)}:${text}`);
  field(tree.role ?? '');
  for (const file of tree.files) {
    field(file.path);
    hash.update(`${file.content.length}:`).update(file.content);
  }
  for (const link of tree.links ?? []) field(`${link.path}\0${link.target}`);
  for (const commit of tree.commits ?? []) field(JSON.stringify(commit));
  for (const problem of diagnostics) field(JSON.stringify(problem));
  return `sha256:${hash.digest('hex')}`;
}
