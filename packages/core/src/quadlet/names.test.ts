import { loadQuadlets } from './loadQuadlets';
import { tree } from './__fixtures__/tree';

function names(files: Record<string, string>) {
  const loaded = loadQuadlets(tree(files));
  return Object.fromEntries(
    loaded.units.map(u => [
      u.fileName,
      [u.serviceFileName, u.resource?.name ?? null],
    ]),
  );
}

describe('service and resource names', () => {
  it('follow podman for every type', () => {
    expect(
      names({
        'web.container': '[Container]\nImage=quay.io/a/web:1\n',
        'db.network': '[Network]\n',
        'data.volume': '[Volume]\n',
        'app.pod': '[Pod]\n',
        'stack.kube': '[Kube]\nYaml=stack.yml\n',
        'base.image': '[Image]\nImage=quay.io/a/base:1\n',
        'tool.build':
          '[Build]\nImageTag=localhost/tool\nImageTag=localhost/tool:1\nSetWorkingDirectory=unit\n',
        'model.artifact': '[Artifact]\nArtifact=quay.io/a/model:1\n',
      }),
    ).toEqual({
      'web.container': ['web.service', 'systemd-web'],
      'db.network': ['db-network.service', 'systemd-db'],
      'data.volume': ['data-volume.service', 'systemd-data'],
      'app.pod': ['app-pod.service', 'systemd-app'],
      'stack.kube': ['stack.service', null],
      'base.image': ['base-image.service', 'quay.io/a/base:1'],
      'tool.build': ['tool-build.service', 'localhost/tool'],
      'model.artifact': ['model-artifact.service', 'quay.io/a/model:1'],
    });
  });

  it('honour ServiceName= and the name keys', () => {
    expect(
      names({
        'web.container':
          '[Container]\nImage=x/y\nContainerName=front\nServiceName=frontend\n',
        'db.network': '[Network]\nNetworkName=backend\n',
        'data.volume': '[Volume]\nVolumeName=pgdata\n',
        'app.pod': '[Pod]\nPodName=app\n',
        'base.image':
          '[Image]\nImage=quay.io/a/base:1\nImageTag=localhost/base\n',
      }),
    ).toEqual({
      'web.container': ['frontend.service', 'front'],
      'db.network': ['db-network.service', 'backend'],
      'data.volume': ['data-volume.service', 'pgdata'],
      'app.pod': ['app-pod.service', 'app'],
      'base.image': ['base-image.service', 'localhost/base'],
    });
  });

  it('put the type suffix before the @ of templates and leave template containers unnamed', () => {
    expect(
      names({
        'web@.container': '[Container]\nImage=x/y\n',
        'web@blue.container': '[Container]\nImage=x/y\n',
        'net@.network': '[Network]\n',
      }),
    ).toEqual({
      'web@.container': ['web@.service', null],
      'web@blue.container': ['web@blue.service', null],
      'net@.network': ['net-network@.service', 'systemd-net@'],
    });
  });

  it('resolve %N in a container name', () => {
    expect(
      names({
        'a.container': '[Container]\nImage=x/y\nContainerName=app-%N\n',
      })['a.container'],
    ).toEqual(['a.service', 'app-a']);
  });
});
