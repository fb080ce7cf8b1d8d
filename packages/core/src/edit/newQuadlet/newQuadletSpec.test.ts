import type { InputProblem } from './inputRules';
import {
  formatInputProblems,
  validateNewQuadletInput,
  type NewQuadletInput,
} from './newQuadletSpec';

const GOOD: NewQuadletInput = {
  box: 'sodimo',
  name: 'wiki',
  image: 'ghcr.io/example/wiki:2.5.1',
  ports: [{ hostPort: 8095, containerPort: 3000 }],
  volumes: [{ name: 'data', containerPath: '/var/lib/wiki' }],
  environment: ['WIKI_SECRET'],
  hostname: 'wiki.example.org',
};

function problems(change: Record<string, unknown>): InputProblem[] {
  const result = validateNewQuadletInput({ ...GOOD, ...change });
  return result.ok ? [] : result.problems;
}

describe('validateNewQuadletInput', () => {
  it('accepts a good request and fills the defaults', () => {
    const result = validateNewQuadletInput(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec).toMatchObject({
      box: 'sodimo',
      name: 'wiki',
      description: 'wiki',
      network: 'sodimo',
      target: 'sodimo.target',
      routePort: 3000,
      quadletDirectory: 'home/dot_config/containers/systemd',
      envDirectory: 'home/dot_config/sodimo',
      ports: [
        {
          hostIp: '127.0.0.1',
          host: { first: 8095, last: 8095 },
          container: { first: 3000, last: 3000 },
          protocol: 'tcp',
        },
      ],
      volumes: [
        {
          name: 'data',
          volume: 'wiki-data',
          containerPath: '/var/lib/wiki',
          readOnly: false,
        },
      ],
    });
    expect(result.spec.image.text).toBe('ghcr.io/example/wiki:2.5.1');
  });

  it('treats blank optional form fields as absent', () => {
    const result = validateNewQuadletInput({
      ...GOOD,
      hostname: '',
      description: '',
      network: '',
      target: '',
    });
    expect(result.ok && result.spec.hostname).toBeUndefined();
  });

  describe('injection rules (each names the field and the rule)', () => {
    it('refuses a newline in any value: it would start a new unit key', () => {
      expect(
        problems({ description: 'Wiki\nExecStartPre=/bin/sh -c "curl evil"' }),
      ).toEqual([
        {
          field: 'description',
          rule: 'may not contain a newline or control character (found a newline)',
        },
      ]);
      expect(
        problems({
          volumes: [{ name: 'data', containerPath: '/d\r\nUser=root' }],
        }),
      ).toEqual([
        {
          field: 'volumes[0].containerPath',
          rule: 'may not contain a newline or control character (found a carriage return)',
        },
      ]);
    });

    it('refuses control characters, Unicode line separators included', () => {
      expect(problems({ description: 'bell\u0007' })).toEqual([
        {
          field: 'description',
          rule: 'may not contain a newline or control character (found the control character U+0007)',
        },
      ]);
      expect(problems({ environment: ['OK', 'A\u2028B'] })[0].field).toBe(
        'environment[1]',
      );
      expect(problems({ hostname: 'x.example.org\u0085' })[0].field).toBe(
        'hostname',
      );
    });

    it('refuses a bad name', () => {
      for (const name of [
        'Wiki',
        '-wiki',
        'wiki.container',
        'wi ki',
        'a'.repeat(64),
        '',
      ]) {
        expect(problems({ name })).toEqual([
          expect.objectContaining({ field: 'name' }),
        ]);
      }
      expect(problems({ name: 'Wiki' })[0].rule).toBe(
        'must match ^[a-z0-9][a-z0-9-]{0,62}$ (lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters)',
      );
      expect(
        problems({ volumes: [{ name: 'Data', containerPath: '/d' }] })[0].field,
      ).toBe('volumes[0].name');
      expect(
        problems({
          name: 'a'.repeat(60),
          volumes: [{ name: 'data', containerPath: '/d' }],
        })[0],
      ).toEqual(expect.objectContaining({ field: 'volumes[0].name' }));
    });

    it('refuses bad ports and ranges', () => {
      const port = (hostPort: unknown, containerPort: unknown = 80) =>
        problems({ ports: [{ hostPort, containerPort }] });
      expect(port(0)).toEqual([
        { field: 'ports[0].hostPort', rule: 'port 0 is outside 1-65535' },
      ]);
      expect(port(70000)[0].rule).toBe('port 70000 is outside 1-65535');
      expect(port('8080:80')[0].rule).toBe(
        'must be a port (1-65535) or a range of ports written first-last',
      );
      expect(port('9000-8000', '9000-8000')[0]).toEqual({
        field: 'ports[0].hostPort',
        rule: 'range 9000-8000 must start at or below where it ends',
      });
      expect(port('8000-8002', '80-81')[0]).toEqual({
        field: 'ports[0].containerPort',
        rule: 'must be a range of the same length as hostPort 8000-8002 (3 ports)',
      });
      expect(
        problems({
          ports: [
            { hostPort: '8000-8010', containerPort: '8000-8010' },
            { hostPort: 8005, containerPort: 80 },
          ],
        }),
      ).toEqual([
        {
          field: 'ports[1].hostPort',
          rule: 'must not overlap ports[0] (8000-8010/tcp)',
        },
      ]);
      expect(
        problems({
          ports: [{ hostPort: 1, containerPort: 1, hostIp: '0.0.0.0.0' }],
        })[0].field,
      ).toBe('ports[0].hostIp');
      expect(problems({ routePort: '80-81' })).toEqual([
        { field: 'routePort', rule: 'must be a single port' },
      ]);
    });

    it('refuses a bad image reference', () => {
      expect(problems({ image: 'ghcr.io/Example/Wiki:2' })[0].field).toBe(
        'image',
      );
      expect(
        problems({ image: 'ghcr.io/example/wiki:2 --privileged' })[0],
      ).toEqual(expect.objectContaining({ field: 'image' }));
      expect(problems({ image: 'redis:7' })).toEqual([
        {
          field: 'image',
          rule: 'must name its registry (ghcr.io/…, docker.io/…): podman refuses short names without a TTY',
        },
      ]);
      expect(problems({ image: 'docker://ghcr.io/x/y:1' })[0].rule).toBe(
        'must be a registry reference without a transport prefix',
      );
      expect(problems({ image: 'wiki.image' })[0].field).toBe('image');
    });

    it('refuses a path that leaves the repository', () => {
      const rule =
        'must be a relative path that stays inside the repository (no leading "/", no ".." segment)';
      expect(problems({ quadletDirectory: '../outside' })).toEqual([
        { field: 'quadletDirectory', rule },
      ]);
      expect(problems({ envDirectory: '/etc' })).toEqual([
        { field: 'envDirectory', rule },
      ]);
      expect(problems({ caddyRoutesDirectory: 'home/../../x' })).toEqual([
        { field: 'caddyRoutesDirectory', rule },
      ]);
      expect(
        problems({ cloudflaredConfig: 'harness:../../etc/passwd' })[0].field,
      ).toBe('cloudflaredConfig');
      expect(
        problems({
          volumes: [{ name: 'data', containerPath: '/data/../etc' }],
        })[0].field,
      ).toBe('volumes[0].containerPath');
      expect(
        problems({
          volumes: [{ name: 'data', containerPath: '/data:/host' }],
        })[0].field,
      ).toBe('volumes[0].containerPath');
    });

    it('refuses a backslash, which would continue a unit line', () => {
      expect(problems({ description: 'ends with \\' })).toEqual([
        { field: 'description', rule: 'may not contain a backslash' },
      ]);
    });
  });

  it('reports every problem at once, readable as field: rule lines', () => {
    const result = validateNewQuadletInput({
      box: 'Sodimo',
      name: 'wiki',
      image: 'nope:::',
      environment: ['1BAD'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      formatInputProblems(result.problems)
        .split('\n')
        .map(l => l.split(':')[0]),
    ).toEqual(['box', 'image', 'environment[0]']);
  });

  it('refuses what is not an object or has the wrong types', () => {
    expect(validateNewQuadletInput('wiki')).toEqual({
      ok: false,
      problems: [{ field: 'input', rule: 'must be an object' }],
    });
    expect(problems({ ports: 'all' })).toEqual([
      { field: 'ports', rule: 'must be a list' },
    ]);
    expect(problems({ name: 42 })).toEqual([
      { field: 'name', rule: 'must be a string' },
    ]);
  });
});
