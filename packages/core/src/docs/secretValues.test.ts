import { readBox } from '../inventory';
import type { BoxTree } from '../inventory/types';
import { generateHandoffGuide, handoffGuidePage } from './generateHandoffGuide';

const file = (path: string, text: string) => ({ path, content: Buffer.from(text) });

/** Every place a secret value could be written in a box, each with its own marker. */
const LITERALS = Array.from({ length: 16 }, (_, i) => `lit${i}x9Qz`);
const [ENV1, ENV2, ENV3, ENV4, PRESENT, INLINE, PODMAN_ARG, EXEC, LABEL, DOC, HEALTH, EXEC_START, SYSTEMD_ENV, API_KEY, API_BASE, DROP_IN] = LITERALS;

const TREE: BoxTree = {
  name: 'dotfiles',
  files: [
    file('.chezmoiroot', 'home\n'),
    file(
      'home/dot_config/app/app.env.tmpl',
      `DB_PASSWORD=${ENV1}\nAPI_TOKEN={{ "${ENV2}" }}\nPLAIN=${ENV3}\nDATABASE_URL=postgres://app:${ENV4}@db:5432/app\n`,
    ),
    file('home/dot_config/app/other.env', `SECRET_KEY=${PRESENT}\n`),
    file(
      'home/dot_config/containers/systemd/app.container',
      [
        '# app: the application.',
        '[Unit]',
        'Description=App server',
        `Documentation=https://admin:${DOC}@docs.example.org/app`,
        '[Container]',
        'ContainerName=app',
        'Image=docker.io/library/nginx:1.27',
        `Environment=INLINE_SECRET=${INLINE}`,
        'EnvironmentFile=%h/.config/app/app.env',
        'EnvironmentFile=%h/.config/app/other.env',
        `PodmanArgs=--env DB_PASS=${PODMAN_ARG}`,
        `Exec=--token ${EXEC}`,
        `Label=password=${LABEL}`,
        `HealthCmd=curl -u admin:${HEALTH} http://localhost/`,
        'Secret=app-db-password,type=env,target=DB_PASSWORD',
        'PublishPort=127.0.0.1:8080:80',
        '',
      ].join('\n'),
    ),
    file('home/dot_config/containers/systemd/app.container.d/10-extra.conf', `[Container]\nEnvironment=DROPIN_TOKEN=${DROP_IN}\n`),
    file(
      'home/dot_config/systemd/user/tool.service',
      `[Unit]\nDescription=Tool\n[Service]\nExecStart=/usr/bin/tool --password ${EXEC_START}\nEnvironment=TOOL_TOKEN=${SYSTEMD_ENV}\nEnvironmentFile=%h/.config/app/app.env\n`,
    ),
    file(
      'home/dot_config/litellm/litellm.yaml',
      `model_list:\n  - model_name: cloud\n    litellm_params:\n      model: openai/gpt-5\n      api_key: ${API_KEY}\n      api_base: https://user:${API_BASE}@api.example.org/v1\n`,
    ),
  ],
};

describe('secret values never reach the guide', () => {
  const inventory = readBox([TREE]);
  const guide = generateHandoffGuide(inventory, {
    box: 'lab',
    trees: [{ name: 'dotfiles', webBase: 'https://github.com/o/dotfiles/blob/main/', relativeBase: '../dotfiles/' }],
  });
  const everything = [
    ...guide.files.map(f => f.content),
    ...guide.sections.map(s => s.markdown),
    handoffGuidePage(guide),
    JSON.stringify(guide),
  ].join('\n');

  it('writes no literal from env files, unit lines, commands, labels, URLs or model configs', () => {
    const leaked = LITERALS.filter(literal => everything.includes(literal));
    expect(leaked).toEqual([]);
    // The places that held them were read and shown, without the values.
    expect(everything).toContain('`openai/gpt-5` → endpoint `https://api.example.org/v1`, API base `https://api.example.org/v1`');
    expect(everything).toContain('set in the unit: `INLINE_SECRET` and `DROPIN_TOKEN`');
    expect(everything).toContain('- **Podman flags** · `--env`');
  });

  it('still names the variables and secrets, so a newcomer knows what to provide', () => {
    const entry = guide.files.find(f => f.path === 'services/app.md')!.content;
    expect(entry).toContain(
      '- **Secrets** · podman secret `app-db-password` as `DB_PASSWORD`; in the unit: `INLINE_SECRET` and `DROPIN_TOKEN`; in `app.env`: `DB_PASSWORD`, `API_TOKEN` and `DATABASE_URL`; in `other.env`: `SECRET_KEY`',
    );
    expect(entry).toContain('variables `DB_PASSWORD`, `API_TOKEN`, `PLAIN` and `DATABASE_URL`');
    const tool = guide.files.find(f => f.path === 'services/tool.service.md')!.content;
    expect(tool).toContain('- **Runs** · `/usr/bin/tool`\n');
    expect(tool).toContain('in the unit: `TOOL_TOKEN`');
  });
});
