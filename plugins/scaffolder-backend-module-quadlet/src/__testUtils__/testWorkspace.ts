import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DigestLookup, ImageReference } from '@quadlet-portal/core';
import type { RegistryClientFactory } from '../config/registryOptions';

/** Copies the example box's repositories into `workspace/dotfiles` and `workspace/os`. */
export async function copySodimoBox(
  examples: string,
  workspace: string,
): Promise<void> {
  await cp(
    path.join(examples, 'sodimo/dotfiles'),
    path.join(workspace, 'dotfiles'),
    {
      recursive: true,
    },
  );
  await cp(path.join(examples, 'sodimo/harness'), path.join(workspace, 'os'), {
    recursive: true,
  });
}

/** Every file under `dir` (path → bytes), to compare a folder before and after an action. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (rel: string) => {
    for (const entry of await readdir(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(child);
      } else {
        files.set(child, await readFile(path.join(dir, child)));
      }
    }
  };
  await walk('');
  return files;
}

/** Paths whose bytes differ between two snapshots (added, removed or changed). */
export function changedPaths(
  before: Map<string, Buffer>,
  after: Map<string, Buffer>,
): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter(p => {
      const a = before.get(p);
      const b = after.get(p);
      return !a || !b || !a.equals(b);
    })
    .sort();
}

export const digestOf = (n: number) =>
  `sha256:${n.toString(16).padStart(64, '0')}`;

/**
 * A registry stand-in for unit tests: digests by `name:tag` (`ghcr.io/example/wiki:2.5.1`),
 * `unknown` for names listed in `unknown`, `not-found` for the rest. The real client is
 * exercised against a real registry in the integration tests.
 */
export function fakeRegistry(
  digests: Record<string, string>,
  tags: Record<string, string[]> = {},
  unknownNames: string[] = [],
): RegistryClientFactory & { asked: string[] } {
  const asked: string[] = [];
  const resolveDigest = async (
    value: ImageReference | string,
  ): Promise<DigestLookup> => {
    let text: string;
    if (typeof value === 'string') text = value;
    else if (value.tag) text = `${value.name}:${value.tag}`;
    else if (value.digest) text = `${value.name}@${value.digest}`;
    else text = `${value.name}:latest`;
    asked.push(text);
    if (unknownNames.some(n => text.startsWith(n)))
      return { status: 'unknown', reason: 'timeout' };
    const digest = digests[text];
    return digest ? { status: 'ok', digest } : { status: 'not-found' };
  };
  const listTags = async (value: ImageReference | string) => {
    const name = typeof value === 'string' ? value : value.name;
    const list = tags[name];
    return list
      ? { status: 'ok' as const, tags: list }
      : { status: 'not-found' as const };
  };
  const factory = (() => ({
    resolveDigest,
    listTags,
  })) as unknown as RegistryClientFactory & {
    asked: string[];
  };
  factory.asked = asked;
  return factory;
}

/** Runs git in `cwd` (tests only), returning trimmed stdout. */
export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
    },
  }).trim();
}
