import path from 'node:path';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { BoxConfig, BoxTreeConfig, TreeSource } from './types';

/** Every 30 minutes; the first run shortly after start so a fresh portal fills quickly. */
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
};

const TREE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ReadBoxConfigsOptions {
  /** Base of relative local paths; the backend's working directory by default (like catalog file locations). */
  cwd?: string;
}

/**
 * Reads and validates `quadletPortal.boxes`. Throws an `InputError` naming the box and the key
 * at the first problem, so a typo stops the backend at start instead of emptying the catalog.
 */
export function readBoxConfigs(
  config: Config,
  options: ReadBoxConfigsOptions = {},
): BoxConfig[] {
  const cwd = options.cwd ?? process.cwd();
  const entries = config.getOptionalConfigArray('quadletPortal.boxes') ?? [];
  const boxes = entries.map((entry, index) => readBoxConfig(entry, index, cwd));
  const seen = new Set<string>();
  boxes.forEach((box, index) => {
    if (seen.has(box.name)) {
      throw new InputError(
        `quadletPortal.boxes[${index}] ("${box.name}"): name: another box already has this name`,
      );
    }
    seen.add(box.name);
  });
  return boxes;
}

function readBoxConfig(entry: Config, index: number, cwd: string): BoxConfig {
  let label = `quadletPortal.boxes[${index}]`;
  const fail = (key: string, message: string): never => {
    throw new InputError(`${label}: ${key}: ${message}`);
  };
  // The config reader's own errors name the key but not the box: say which box it is.
  const read = <T>(key: string, get: () => T): T => {
    try {
      return get();
    } catch (error) {
      return fail(key, error instanceof Error ? error.message : String(error));
    }
  };

  const name = read('name', () => entry.getOptionalString('name'));
  if (!name) return fail('name', 'is required');
  label = `${label} ("${name}")`;
  if (!KubernetesValidatorFunctions.isValidNamespace(name)) {
    fail(
      'name',
      `"${name}" is not a valid catalog namespace (lowercase letters, digits and dashes, at most 63 characters)`,
    );
  }

  const writtenOwner = read('owner', () => entry.getOptionalString('owner'));
  if (!writtenOwner)
    return fail(
      'owner',
      'is required (an entity ref such as group:default/ops)',
    );
  // A full ref: written short (`ops`), it would otherwise resolve in the box's own namespace.
  let owner: string;
  try {
    owner = stringifyEntityRef(
      parseEntityRef(writtenOwner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    return fail(
      'owner',
      `"${writtenOwner}" is not an entity ref: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }

  const trees: BoxTreeConfig[] = [];
  const main: { key: 'dotfiles' | 'os'; source: TreeSource }[] = [];
  for (const key of ['dotfiles', 'os'] as const) {
    const written = read(key, () => entry.getOptionalString(key));
    if (written !== undefined)
      main.push({
        key,
        source: parseTreeSource(written, cwd, message => fail(key, message)),
      });
  }
  // A tree is named after its folder or repository (`dotfiles`, `harness`), like the CLI does;
  // when both come out the same, the roles name them.
  const names = main.map(m => defaultTreeName(m.source) ?? m.key);
  const clash = names.length === 2 && names[0] === names[1];
  main.forEach((m, i) =>
    trees.push({
      name: clash ? m.key : names[i],
      role: m.key,
      source: m.source,
    }),
  );

  const extra =
    read('trees', () => entry.getOptionalConfigArray('trees')) ?? [];
  extra.forEach((treeEntry, i) => {
    const key = `trees[${i}]`;
    const treeName = read(`${key}.name`, () =>
      treeEntry.getOptionalString('name'),
    );
    if (!treeName) return fail(`${key}.name`, 'is required');
    if (!TREE_NAME.test(treeName))
      fail(
        `${key}.name`,
        `"${treeName}" may hold only letters, digits, ".", "_" and "-"`,
      );
    if (trees.some(t => t.name === treeName))
      fail(
        `${key}.name`,
        `another tree of the box is already named "${treeName}"`,
      );
    const written = read(`${key}.source`, () =>
      treeEntry.getOptionalString('source'),
    );
    if (!written) return fail(`${key}.source`, 'is required');
    trees.push({
      name: treeName,
      source: parseTreeSource(written, cwd, message =>
        fail(`${key}.source`, message),
      ),
    });
    return undefined;
  });
  if (trees.length === 0)
    fail('dotfiles', 'the box has no source: set dotfiles, os or trees');

  const schedule = entry.has('schedule')
    ? read('schedule', () =>
        readSchedulerServiceTaskScheduleDefinitionFromConfig(
          entry.getConfig('schedule'),
        ),
      )
    : DEFAULT_SCHEDULE;

  const box: BoxConfig = { name, owner, trees, schedule };
  const title = read('title', () => entry.getOptionalString('title'));
  const description = read('description', () =>
    entry.getOptionalString('description'),
  );
  if (title) box.title = title;
  if (description) box.description = description;
  return box;
}

/** A URL (`https://…`) is read through the URL reader; anything else is a local path. */
export function parseTreeSource(
  written: string,
  cwd: string,
  fail: (message: string) => never,
): TreeSource {
  const text = written.trim();
  if (text === '') return fail('is empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return fail(`"${text}" is not a valid URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return fail(`"${text}": only http(s) URLs or local paths are supported`);
    }
    return { type: 'url', url: text };
  }
  return { type: 'directory', path: path.resolve(cwd, text) };
}

/** `dotfiles` for `…/sodimo/dotfiles` or `https://github.com/sodimo/dotfiles/tree/main`. */
function defaultTreeName(source: TreeSource): string | undefined {
  const candidate =
    source.type === 'directory'
      ? path.basename(source.path)
      : new URL(source.url).pathname
          .split('/')
          .filter(Boolean)[1]
          ?.replace(/\.git$/, '');
  return candidate && TREE_NAME.test(candidate) ? candidate : undefined;
}
