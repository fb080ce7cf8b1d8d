import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';

/** Every file under `dir`, as paths relative to it with `/`. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap(
    entry => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory())
        return entry.name === '.git' ? [] : filesOf(dir, rel);
      return entry.isFile() ? [rel] : [];
    },
  );
}

/**
 * A URL reader serving local folders as if they were repository trees at a commit: what
 * Backstage's GitHub reader hands the scorecard (files and the commit sha as ETag). The real
 * reader against GitHub's API is tested by the catalog module (src/github.test.ts).
 */
export function fakeUrlReader(
  trees: Record<string, { dir: string; commit: string }>,
) {
  const reads: string[] = [];
  const reader: UrlReaderService = {
    async readTree(url, options) {
      reads.push(url);
      const tree = trees[url];
      if (!tree) throw new Error(`no tree at ${url}`);
      if (options?.etag === tree.commit) throw new NotModifiedError();
      return {
        etag: tree.commit,
        files: async () =>
          filesOf(tree.dir).map(file => ({
            path: file,
            content: async () => readFileSync(path.join(tree.dir, file)),
          })),
        archive: async () => {
          throw new Error('not served');
        },
        dir: async () => {
          throw new Error('not served');
        },
      };
    },
    async readUrl() {
      throw new Error('not served');
    },
    async search() {
      throw new Error('not served');
    },
  };
  return {
    reads,
    factory: createServiceFactory({
      service: coreServices.urlReader,
      deps: {},
      factory: () => reader,
    }),
  };
}
