import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';

/** Debian's `docker-registry` package (distribution 2.8). */
export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry';

/**
 * Whether the registry integration tests run: always when the binary is there, and when
 * `QP_REQUIRE_INTEGRATION` is set they run regardless, so a missing binary fails loudly.
 */
export function registryTestsEnabled(): boolean {
  return (
    existsSync(DOCKER_REGISTRY_BIN) ||
    Boolean(process.env.QP_REQUIRE_INTEGRATION)
  );
}

export type RegistryAuth =
  | { htpasswd: { path: string } }
  | {
      token: {
        realm: string;
        service: string;
        issuer: string;
        rootCertBundle: string;
      };
    };

export interface RunningRegistry {
  /** `127.0.0.1:PORT`, as image references name it. */
  host: string;
  baseUrl: string;
  stop(): Promise<void>;
}

function configYaml(
  dataDir: string,
  port: number,
  auth?: RegistryAuth,
): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(dataDir)}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
  ];
  if (auth && 'htpasswd' in auth) {
    lines.push(
      'auth:',
      '  htpasswd:',
      '    realm: qp-test-basic',
      `    path: ${JSON.stringify(auth.htpasswd.path)}`,
    );
  } else if (auth) {
    const t = auth.token;
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${JSON.stringify(t.realm)}`,
      `    service: ${JSON.stringify(t.service)}`,
      `    issuer: ${JSON.stringify(t.issuer)}`,
      `    rootcertbundle: ${JSON.stringify(t.rootCertBundle)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function waitUntilServing(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) {
      throw new Error(
        `docker-registry exited with ${child.exitCode}: ${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/v2/`, {
        signal: AbortSignal.timeout(1000),
      });
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not start serving: ${output()}`);
}

/**
 * Starts a private registry on a free loopback port with its own config and storage in a
 * temporary directory; `stop()` ends the process and removes the directory.
 */
export async function startDockerRegistry(
  auth?: RegistryAuth,
): Promise<RunningRegistry> {
  if (!existsSync(DOCKER_REGISTRY_BIN)) {
    throw new Error(
      `${DOCKER_REGISTRY_BIN} is missing: install the Debian package docker-registry (QP_REQUIRE_INTEGRATION is set)`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'qp-registry-'));
  const port = await freePort();
  const configPath = join(dir, 'config.yml');
  await writeFile(configPath, configYaml(join(dir, 'data'), port, auth));
  const child = spawn(DOCKER_REGISTRY_BIN, ['serve', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  const host = `127.0.0.1:${port}`;
  const baseUrl = `http://${host}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, baseUrl, stop };
}
