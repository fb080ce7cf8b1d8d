import { readBox } from './readBox';
import type { BoxTree } from './types';

/** Literal secrets written where careless repos put them: none may reach the model. */
const SECRETS = [
  'hunter2-db-password',
  'sk-live-4f9a8b7c6d5e',
  'ghp_abcdefghijklmnop1234',
  'tskey-auth-kQ9pX2',
  'xoxb-slack-token-77',
  'SuperSecretSalt99',
  'cf-tunnel-secret-abc',
  'pgpass-in-url-42',
  'label-token-value-9',
  'podman-arg-secret-5',
  'exec-password-31',
];

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

const box: BoxTree[] = [
  {
    name: 'dotfiles',
    files: [
      file('.chezmoiroot', 'home\n'),
      file(
        'home/dot_config/containers/systemd/app.container',
        [
          '[Unit]',
          'Description=App with secrets written inline',
          '[Container]',
          'Image=ghcr.io/example/app:1.0',
          'ContainerName=app',
          'Environment=DB_PASSWORD=hunter2-db-password API_KEY=sk-live-4f9a8b7c6d5e',
          'Environment="GITHUB_TOKEN=ghp_abcdefghijklmnop1234"',
          'Label=auth.token=label-token-value-9',
          'PodmanArgs=--env=SLACK_TOKEN=xoxb-slack-token-77 -e TS_AUTHKEY=tskey-auth-kQ9pX2',
          'PodmanArgs=--secret-value podman-arg-secret-5',
          'Exec=serve --password exec-password-31 --db postgres://app:pgpass-in-url-42@db/app',
          'Secret=app-db,type=env,target=DB_PASSWORD',
          'PublishPort=127.0.0.1:8080:80',
          '',
        ].join('\n'),
      ),
      file(
        'home/dot_config/sodimo/app.env',
        'SALT=SuperSecretSalt99\nPASSWORD=hunter2-db-password\n',
      ),
      file(
        'home/dot_config/litellm/litellm.yaml',
        'model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: sk-live-4f9a8b7c6d5e\n',
      ),
      file(
        'home/dot_config/llama-swap/llama-swap.yaml',
        'models:\n  m:\n    cmd: /app/llama-server --api-key sk-live-4f9a8b7c6d5e --port ${PORT}\n    env:\n      - HF_TOKEN=ghp_abcdefghijklmnop1234\n',
      ),
      file(
        'home/dot_config/systemd/user/job.service',
        '[Service]\nEnvironment=TOKEN=xoxb-slack-token-77\nExecStart=/usr/bin/job --token tskey-auth-kQ9pX2\n',
      ),
    ],
  },
  {
    name: 'os',
    role: 'os',
    files: [
      file(
        'mkosi.extra/etc/cloudflared/config.yml',
        'tunnel: t\ncredentials-file: /etc/cloudflared/c.json\ningress:\n  - hostname: a.example.com\n    service: http://user:cf-tunnel-secret-abc@127.0.0.1:8080\n  - service: http_status:404\n',
      ),
    ],
  },
];

describe('no secret values in the inventory', () => {
  it('keeps names and places of secrets, never their values', () => {
    const inventory = readBox(box);
    const json = JSON.stringify(inventory);
    for (const secret of SECRETS) expect(json).not.toContain(secret);

    const app = inventory.units.find(u => u.name === 'app.container')!;
    expect(app.environment.map(e => e.name)).toEqual([
      'DB_PASSWORD',
      'API_KEY',
      'GITHUB_TOKEN',
    ]);
    expect(app.labels).toEqual([
      expect.objectContaining({ key: 'auth.token' }),
    ]);
    expect(app.labels[0].value).toBeUndefined();
    expect(app.podmanArgs).toEqual([
      '--env=SLACK_TOKEN',
      '-e',
      'TS_AUTHKEY',
      '--secret-value',
      '(redacted)',
    ]);
    expect(app.exec).toEqual([
      'serve',
      '--password',
      '(redacted)',
      '--db',
      'postgres://db/app',
    ]);
    expect(app.secrets).toEqual([
      expect.objectContaining({ name: 'app-db', target: 'DB_PASSWORD' }),
    ]);
    const env = inventory.envFiles.find(
      e => e.key === '.config/sodimo/app.env',
    );
    expect(env?.variables.map(v => v.name)).toEqual(['SALT', 'PASSWORD']);
    const job = inventory.systemdUnits.find(u => u.name === 'job.service')!;
    expect(job.execStart).toEqual(['/usr/bin/job --token (redacted)']);
    expect(job.environment.map(e => e.name)).toEqual(['TOKEN']);
    // The cloudflared origin keeps host and port, not the credentials in it.
    expect(inventory.cloudflared[0].ingress[0].service).toBe(
      'http://127.0.0.1:8080',
    );
  });
});
