import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { runTool } from './runTool';

/**
 * A token service as docker's token spec describes it, in front of a real `docker-registry`
 * configured with `auth: token`: the registry itself issues the Bearer challenge and checks
 * the JWTs this server signs (RS256, certificate in the `x5c` header, chained to the
 * registry's `rootcertbundle`).
 *
 * Policy: anonymous callers may pull repositories under `public/`; the one user may pull and
 * push everything; wrong credentials get 401.
 */
export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  /** PEM file for the registry's `rootcertbundle`. */
  certificatePath: string;
  username: string;
  password: string;
  /** Token requests served, newest last (query strings only). */
  requests: { scope: string[]; account?: string; authenticated: boolean }[];
  /** A token for the test's own pushes, with pull and push on `repository`. */
  pushToken(repository: string): string;
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string) =>
  Buffer.from(data).toString('base64url');

export async function startTokenServer(dir: string): Promise<TokenServer> {
  const keyPath = join(dir, 'token.key');
  const certificatePath = join(dir, 'token.crt');
  await runTool(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '1',
      '-subj',
      '/CN=quadlet-portal test token issuer',
      '-keyout',
      keyPath,
      '-out',
      certificatePath,
    ],
    'openssl',
  );
  const key = await readFile(keyPath, 'utf8');
  const certificate = new X509Certificate(await readFile(certificatePath));
  const service = 'qp-test-registry';
  const issuer = 'qp-test-issuer';
  const username = 'tester';
  const password = 'correct horse battery staple';
  const requests: TokenServer['requests'] = [];

  const sign = (
    access: { type: string; name: string; actions: string[] }[],
    subject: string,
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const header = {
      typ: 'JWT',
      alg: 'RS256',
      x5c: [certificate.raw.toString('base64')],
    };
    const claims = {
      iss: issuer,
      sub: subject,
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access,
    };
    const input = `${base64url(JSON.stringify(header))}.${base64url(
      JSON.stringify(claims),
    )}`;
    const signature = createSign('RSA-SHA256').update(input).sign(key);
    return `${input}.${base64url(signature)}`;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://token.invalid');
    const scope = url.searchParams.getAll('scope');
    const authHeader = req.headers.authorization;
    let user: string | undefined;
    if (authHeader) {
      const [scheme, value] = authHeader.split(' ');
      const [name, ...rest] = Buffer.from(value ?? '', 'base64')
        .toString('utf8')
        .split(':');
      if (
        scheme !== 'Basic' ||
        name !== username ||
        rest.join(':') !== password
      ) {
        requests.push({
          scope,
          account: url.searchParams.get('account') ?? undefined,
          authenticated: false,
        });
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(
          '{"errors":[{"code":"UNAUTHORIZED","message":"bad credentials"}]}',
        );
        return;
      }
      user = name;
    }
    requests.push({
      scope,
      account: url.searchParams.get('account') ?? undefined,
      authenticated: Boolean(user),
    });
    const access = scope.flatMap(s => {
      const [type, name, actions] = s.split(':');
      if (type !== 'repository' || !name) return [];
      const wanted = (actions ?? '').split(',');
      const granted = user
        ? wanted
        : wanted.filter(a => a === 'pull' && name.startsWith('public/'));
      return granted.length > 0 ? [{ type, name, actions: granted }] : [];
    });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        token: sign(access, user ?? ''),
        expires_in: 300,
        issued_at: new Date().toISOString(),
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certificatePath,
    username,
    password,
    requests,
    pushToken: repository =>
      sign(
        [{ type: 'repository', name: repository, actions: ['pull', 'push'] }],
        username,
      ),
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
