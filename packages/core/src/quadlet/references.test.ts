import { analyzeQuadlets } from './analyzeQuadlets';
import { tree } from './__fixtures__/tree';

function edges(files: Record<string, string>, unit: string) {
  const analysis = analyzeQuadlets(tree(files));
  return analysis.byName
    .get(unit)!
    .dependencies.map(
      d =>
        `${d.via}:${d.key} ${d.to} -> ${d.toService} [${d.kinds.join(',')}] ${
          d.exists ?? '-'
        } @${d.line}`,
    );
}

describe('references', () => {
  const files = {
    'web.container': [
      '[Unit]',
      'After=db.container network-online.target',
      'Requires=db.container',
      '[Container]',
      'Image=app.build',
      'Network=backend.network:ip=10.0.0.2',
      'Network=db.container',
      'Volume=data.volume:/data:Z',
      'Volume=./rel:/rel',
      'Mount=type=image,source=base.image,destination=/base',
      'Mount=type=artifact,source=model.artifact,destination=/models',
      'Pod=app.pod',
    ].join('\n'),
    'db.container':
      '[Container]\nImage=quay.io/a/db:1\nNetwork=backend.network\n',
    'app.build': '[Build]\nImageTag=localhost/app\nSetWorkingDirectory=unit\n',
    'backend.network': '[Network]\n',
    'data.volume': '[Volume]\n',
    'base.image': '[Image]\nImage=quay.io/a/base:1\n',
    'model.artifact': '[Artifact]\nArtifact=quay.io/a/model:1\n',
    'app.pod': '[Pod]\n',
  };

  it('lists every edge with its kinds, target service and line', () => {
    expect(edges(files, 'web.container')).toEqual([
      'Unit:After db.container -> db.service [After] true @2',
      'Unit:After network-online.target -> network-online.target [After] - @2',
      'Unit:Requires db.container -> db.service [Requires] true @3',
      'Image:Image app.build -> app-build.service [Requires,After] true @5',
      'Pod:Pod app.pod -> app-pod.service [BindsTo,After] true @12',
      'Network:Network backend.network -> backend-network.service [Requires,After] true @6',
      'Network:Network db.container -> db.service [Requires,After] true @7',
      'Volume:Volume data.volume -> data-volume.service [Requires,After] true @8',
      'Mount:Mount base.image -> base-image.service [Requires,After] true @10',
      'Mount:Mount model.artifact -> model-artifact.service [Requires,After] true @11',
    ]);
    expect(
      analyzeQuadlets(tree(files)).diagnostics.filter(
        d => d.severity === 'error',
      ),
    ).toEqual([]);
  });

  it('gives the pod a Wants/Before edge to members that start with it', () => {
    const analysis = analyzeQuadlets(
      tree({
        'app.pod': '[Pod]\n',
        'a.container': '[Container]\nImage=localhost/a\nPod=app.pod\n',
        'b.container':
          '[Container]\nImage=localhost/b\nPod=app.pod\nStartWithPod=no\n',
        't@.container': '[Container]\nImage=localhost/t\nPod=app.pod\n',
        't@1.container': '[Container]\nImage=localhost/t\nPod=app.pod\n',
      }),
    );
    expect(
      analysis.byName
        .get('app.pod')!
        .dependencies.map(d => `${d.toService} ${d.kinds.join('+')}`),
    ).toEqual(['a.service Wants+Before', 't@1.service Wants+Before']);
  });

  it('reports references to quadlet units that do not exist', () => {
    const analysis = analyzeQuadlets(
      tree({
        'web.container': [
          '[Unit]',
          'Wants=gone.volume',
          '[Container]',
          'Image=missing.image',
          'Network=nonet.network',
          'Volume=novol.volume:/x',
          'Pod=nopod.pod',
        ].join('\n'),
      }),
    );
    const unit = analysis.byName.get('web.container')!;
    expect(unit.diagnostics.map(d => `${d.line} ${d.message}`)).toEqual([
      '2 unable to translate dependency for gone.volume',
      '4 requested Quadlet image missing.image was not found',
      '7 quadlet pod unit nopod.pod does not exist',
      '5 requested Quadlet unit nonet.network was not found',
      '6 requested Quadlet source novol.volume was not found',
    ]);
    expect(
      unit.dependencies.filter(d => d.exists === false).map(d => d.toService),
    ).toEqual([
      'gone-volume.service',
      'missing-image.service',
      'nopod-pod.service',
      'nonet-network.service',
      'novol-volume.service',
    ]);
  });

  it('refuses joining a template container network and options on container networks', () => {
    const analysis = analyzeQuadlets(
      tree({
        'a.container':
          '[Container]\nImage=localhost/a\nNetwork=t@.container\nNetwork=b.container:ip=1.2.3.4\n',
        't@.container': '[Container]\nImage=localhost/t\n',
        'b.container': '[Container]\nImage=localhost/b\n',
      }),
    );
    expect(
      analysis.byName.get('a.container')!.diagnostics.map(d => d.message),
    ).toEqual([
      'cannot get the resource name of t@.container',
      "extra options are not supported when joining another container's network",
    ]);
  });
});
