import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findForeignMarkup, markupFileKind } from './foreignMarkup';

const systemd = 'home/dot_config/containers/systemd';
const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__/repo', systemd, name), 'utf8');
const codes = (path: string, text: string) =>
  findForeignMarkup(path, text).map(d => [d.line, d.code]);

describe('findForeignMarkup', () => {
  it('leaves podman templates and expanded Exec variables of a plain unit alone', () => {
    expect(
      findForeignMarkup(
        `${systemd}/openwebui.container`,
        fixture('openwebui.container'),
      ),
    ).toEqual([]);
  });

  it('flags chezmoi markup without .tmpl, placeholders, Jinja and unexpanded variables', () => {
    expect(
      codes(
        `${systemd}/legacy-redis.container`,
        fixture('legacy-redis.container'),
      ),
    ).toEqual([
      [2, 'markup/envsubst'],
      [5, 'markup/foreign-template'],
      [6, 'markup/chezmoi-without-tmpl'],
      [7, 'markup/envsubst-unset'],
      [8, 'markup/jinja'],
      [10, 'markup/jinja'],
    ]);
  });

  it('in a .tmpl unit, flags podman templates chezmoi would render, and nothing of chezmoi', () => {
    const path = `${systemd}/private_piler.container.tmpl`;
    const found = findForeignMarkup(
      path,
      fixture('private_piler.container.tmpl'),
    );
    expect(found.map(d => [d.line, d.code, d.severity])).toEqual([
      [12, 'markup/podman-template-in-tmpl', 'warning'],
    ]);
    expect(found[0].file).toBe(path);
  });

  it('reports an unclosed action of a template as an error', () => {
    expect(codes('x.container.tmpl', '[Unit]\nDescription={{ .x\n')).toEqual([
      [2, 'chezmoi/unclosed-action'],
    ]);
  });

  it('flags unexpanded variables in [Service] keys other than Exec*, and only where they are', () => {
    const text =
      '[Service]\nEnvironment=A=${B}\nWorkingDirectory=${DIR}\nExecStart=/bin/x ${A} \\\n  ${C}\n';
    expect(codes('x.service', text)).toEqual([
      [2, 'markup/envsubst'],
      [3, 'markup/envsubst'],
    ]);
  });

  it('accepts quadlet values whose variable a [Service] Environment= sets, or a drop-in', () => {
    const text =
      '[Container]\nImage=${IMG}\nVolume=${HOME}/x:/x\n[Service]\nEnvironment="IMG=docker.io/x:1"\n';
    expect(codes('x.container', text)).toEqual([]);
    expect(
      codes('x.container.d/10-img.conf', '[Container]\nImage=${IMG}\n'),
    ).toEqual([]);
  });

  it('notes ${VAR} in env files without echoing what surrounds it', () => {
    const found = findForeignMarkup(
      'home/dot_config/x.env',
      '# ${IGNORED}\nURL=postgres://u:${DB_PASS}@db/x\n',
    );
    expect(found.map(d => [d.line, d.code, d.severity])).toEqual([
      [2, 'markup/envsubst-in-env-file', 'info'],
    ]);
    expect(found[0].message).not.toContain('postgres');
  });

  it('does not echo template actions of env files', () => {
    const found = findForeignMarkup('app.env', 'TOKEN={{ s3cr3tvalue }}\n');
    expect(found.map(d => d.code)).toEqual(['markup/foreign-template']);
    expect(found[0].message).not.toContain('s3cr3tvalue');
  });

  it('looks only at unit and env files', () => {
    expect(findForeignMarkup('config.yaml', 'cmd: ${PORT} {{ x }}')).toEqual(
      [],
    );
    expect(
      markupFileKind('home/dot_config/sodimo/private_litellm.env.tmpl'),
    ).toBe('env');
    expect(markupFileKind('x/.env.example')).toBe('env');
    expect(markupFileKind('x/foo.container.d/10.conf')).toBe('unit');
    expect(markupFileKind('x/foo.conf')).toBe('other');
  });
});
