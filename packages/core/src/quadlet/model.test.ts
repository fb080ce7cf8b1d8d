import { analyzeQuadlets } from './analyzeQuadlets';
import { leadingCommentOf, quadletModel } from './model';
import { parseUnit } from '../unit/parseUnit';
import { tree } from './__fixtures__/tree';

const WEB = [
  '# Front end of the shop.',
  '# Serves the public site.',
  '',
  '[Unit]',
  'Description="Shop web"',
  'Documentation=https://a.example/doc man:web(8)',
  '[Container]',
  'Image=quay.io/shop/web:2.1.0',
  'PublishPort=127.0.0.1:8080:80',
  'Environment=DB_PASSWORD=hunter2 "GREETING=hello world"',
  'EnvironmentFile=%h/.config/web.env',
  'Secret=api-token,type=env,target=TOKEN',
  'Label=traefik.enable=true',
  'Volume=data.volume:/var/lib/web:Z',
  'Mount=type=bind,source=/srv/static,destination=/static,ro',
  'Network=shop.network',
  'Exec=serve --port 80 "--name=the web"',
  'GroupAdd=keep-groups',
  'PodmanArgs=--device /dev/dri',
  '[Install]',
  'WantedBy=default.target multi-user.target',
].join('\n');

describe('quadletModel', () => {
  const analysis = analyzeQuadlets(
    tree({
      'web.container': WEB,
      'data.volume': '[Volume]\n',
      'shop.network': '[Network]\n',
    }),
  );
  const model = quadletModel(analysis.byName.get('web.container')!);

  it('gives names, image and the role comment', () => {
    expect(model).toMatchObject({
      type: 'container',
      name: 'web.container',
      serviceName: 'web',
      resourceName: 'systemd-web',
      image: {
        value: 'quay.io/shop/web:2.1.0',
        file: 'web.container',
        line: 8,
      },
      description: { value: 'Shop web', line: 5 },
      leadingComment: {
        value: 'Front end of the shop.\nServes the public site.',
        line: 1,
      },
    });
    expect(model.documentation.map(f => f.value)).toEqual([
      'https://a.example/doc',
      'man:web(8)',
    ]);
    expect(model.wantedBy.map(f => f.value)).toEqual([
      'default.target',
      'multi-user.target',
    ]);
  });

  it('keeps only the names of environment variables and secrets', () => {
    expect(model.environment.map(f => [f.value, f.line])).toEqual([
      ['DB_PASSWORD', 10],
      ['GREETING', 10],
    ]);
    expect(JSON.stringify(model)).not.toContain('hunter2');
    expect(model.secrets.map(f => f.value)).toEqual(['api-token']);
    expect(model.environmentFiles.map(f => f.value)).toEqual([
      '%h/.config/web.env',
    ]);
  });

  it('lists ports, storage, networks, exec and extras with lines', () => {
    expect(model.ports).toEqual([
      { value: '127.0.0.1:8080:80', file: 'web.container', line: 9 },
    ]);
    expect(model.volumes[0].value).toEqual({
      source: 'data.volume',
      destination: '/var/lib/web',
      options: 'Z',
      sourceUnit: 'data.volume',
    });
    expect(model.mounts[0].value).toMatchObject({
      type: 'bind',
      source: '/srv/static',
      destination: '/static',
    });
    expect(model.networks.map(f => f.value)).toEqual(['shop.network']);
    expect(model.exec?.value).toEqual([
      'serve',
      '--port',
      '80',
      '--name=the web',
    ]);
    expect(model.labels.map(f => f.value)).toEqual([
      { key: 'traefik.enable', value: 'true' },
    ]);
    expect(model.groupAdd.map(f => f.value)).toEqual(['keep-groups']);
    expect(model.podmanArgs.map(f => f.value)).toEqual([
      ['--device', '/dev/dri'],
    ]);
    expect(model.dependencies.map(d => d.toService)).toEqual([
      'shop-network.service',
      'data-volume.service',
    ]);
  });
});

describe('leadingCommentOf', () => {
  it('takes the block right under the first header when the file starts with it', () => {
    const doc = parseUnit(
      '[Unit]\n; Reverse proxy\n\n# later\nDescription=x\n',
      'u',
    ).document;
    expect(leadingCommentOf(doc)).toEqual({
      value: 'Reverse proxy',
      file: 'u',
      line: 2,
    });
  });

  it('is absent without comments before the first entry', () => {
    expect(
      leadingCommentOf(
        parseUnit('[Unit]\nDescription=x\n# late\n', 'u').document,
      ),
    ).toBeUndefined();
  });
});
