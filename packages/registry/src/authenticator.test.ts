import { createServer, type Server } from 'node:http';
import { RegistryClient } from './registryClient';

/**
 * A loopback server that answers like a token-protected registry and its token service, with
 * knobs for the odd answers real registries give. (The real Bearer flow against
 * docker-registry is in registryClient.integration.test.ts.)
 */
interface Emulation {
  challenge: string | null;
  tokenBody: () => string;
  tokenRequests: string[];
}

const DIGEST = `sha256:${'c'.repeat(64)}`;

let server: Server;
let host: string;
const emulation: Emulation = {
  challenge: null,
  tokenBody: () => '',
  tokenRequests: [],
};
const issued = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/token') {
      emulation.tokenRequests.push(url.search);
      const body = emulation.tokenBody();
      const parsed = (() => {
        try {
          return JSON.parse(body);
        } catch {
          return {};
        }
      })();
      const token = parsed.token ?? parsed.access_token;
      if (typeof token === 'string') issued.add(token);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer && issued.has(bearer)) {
      res.writeHead(200, { 'Docker-Content-Digest': DIGEST });
      res.end();
      return;
    }
    res.writeHead(
      401,
      emulation.challenge === null
        ? {}
        : { 'WWW-Authenticate': emulation.challenge },
    );
    res.end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  host = `127.0.0.1:${
    typeof address === 'object' && address ? address.port : 0
  }`;
});

afterAll(
  () =>
    new Promise<void>(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

beforeEach(() => {
  emulation.challenge = `Bearer realm="http://${host}/token",service="emulated"`;
  emulation.tokenRequests = [];
  let n = 0;
  emulation.tokenBody = () =>
    JSON.stringify({ token: `tok-${++n}`, expires_in: 60 });
});

describe('Bearer flow edge cases (emulated registry)', () => {
  it('asks the token service once for concurrent lookups of one scope, again after expiry', async () => {
    let now = 1_000_000;
    const client = new RegistryClient({ now: () => now });
    const answers = await Promise.all([
      client.resolveDigest(`${host}/team/app:1`),
      client.resolveDigest(`${host}/team/app:2`),
    ]);
    expect(answers).toEqual([
      { status: 'ok', digest: DIGEST },
      { status: 'ok', digest: DIGEST },
    ]);
    expect(emulation.tokenRequests).toEqual([
      '?service=emulated&scope=repository%3Ateam%2Fapp%3Apull',
    ]);
    now += 55_000; // within the token's 60 s, but inside the safety margin
    expect(await client.resolveDigest(`${host}/team/app:3`)).toMatchObject({
      status: 'ok',
    });
    expect(emulation.tokenRequests).toHaveLength(2);
  });

  it('fetches a fresh token when the registry stops taking the cached one', async () => {
    const client = new RegistryClient();
    expect(await client.resolveDigest(`${host}/team/app:1`)).toMatchObject({
      status: 'ok',
    });
    issued.clear(); // the registry revokes every token it knew
    expect(await client.resolveDigest(`${host}/team/app:2`)).toMatchObject({
      status: 'ok',
    });
    expect(emulation.tokenRequests).toHaveLength(2);
  });

  it('accepts an OAuth-style access_token', async () => {
    emulation.tokenBody = () => JSON.stringify({ access_token: 'oauth-1' });
    const client = new RegistryClient();
    expect(await client.resolveDigest(`${host}/team/app:1`)).toEqual({
      status: 'ok',
      digest: DIGEST,
    });
  });

  it('refuses to send credentials to a plain-HTTP realm off loopback', async () => {
    emulation.challenge =
      'Bearer realm="http://auth.example.invalid/token",service="emulated"';
    const client = new RegistryClient({
      credentials: [
        { registry: host, username: 'u', password: 'secret-value' },
      ],
    });
    const result = await client.resolveDigest(`${host}/team/app:1`);
    expect(result).toEqual({
      status: 'unknown',
      reason: `${host} names a plain-HTTP token realm (auth.example.invalid); credentials are only sent over HTTPS, to loopback, or to hosts listed as insecure`,
    });
    expect(JSON.stringify(result)).not.toContain('secret-value');
    expect(emulation.tokenRequests).toEqual([]);
  });

  it('says what is wrong with a challenge or a token it cannot use', async () => {
    const cases: [string | null, () => string, string][] = [
      [
        'Negotiate abc',
        () => '{}',
        `${host} asks for an authentication scheme this client does not speak (negotiate)`,
      ],
      [
        null,
        () => '{}',
        `${host} refused the request (401) without saying how to authenticate`,
      ],
      [
        `Bearer realm="http://${host}/token"`,
        () => 'not json',
        `the token service ${host} sent something that is not JSON`,
      ],
      [
        `Bearer realm="http://${host}/token"`,
        () => '{"token":""}',
        `the token service ${host} sent no token`,
      ],
      [
        'Bearer realm="file:///etc/passwd"',
        () => '{}',
        `${host} names a token realm that is not HTTP(S)`,
      ],
    ];
    for (const [challenge, tokenBody, reason] of cases) {
      emulation.challenge = challenge;
      emulation.tokenBody = tokenBody;
      expect(
        await new RegistryClient().resolveDigest(`${host}/team/app:1`),
      ).toEqual({
        status: 'unknown',
        reason,
      });
    }
  });

  it('answers unknown for a reference it cannot parse, without a request', async () => {
    expect(await new RegistryClient().resolveDigest('UPPER/case:1')).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('not an image reference'),
    });
  });
});
