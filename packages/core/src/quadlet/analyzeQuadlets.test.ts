import { analyzeQuadlets } from './analyzeQuadlets';
import { tree } from './__fixtures__/tree';

/** Diagnostics of one unit as `line severity code` strings. */
function problems(files: Record<string, string>, unit = Object.keys(files)[0]) {
  const analysis = analyzeQuadlets(tree(files));
  return analysis.byName
    .get(unit)!
    .diagnostics.map(d => `${d.line} ${d.severity} ${d.code}: ${d.message}`);
}

describe('analyzeQuadlets: validation', () => {
  it('accepts a plain container', () => {
    expect(
      problems({
        'web.container':
          '[Unit]\nDescription=Web\n[Container]\nImage=quay.io/a/web:1\n[Install]\nWantedBy=default.target\n',
      }),
    ).toEqual([]);
  });

  it('refuses unknown keys in the quadlet sections, not in systemd ones', () => {
    expect(
      problems({
        'web.container':
          '[Container]\nImage=quay.io/a/web:1\nImagePullPolicy=always\n[Quadlet]\nNope=1\n[Service]\nRestart=always\nAnything=1\n',
      }),
    ).toEqual([
      "3 error quadlet/unknown-key: unsupported key 'ImagePullPolicy' in group 'Container' in web.container",
      "5 error quadlet/unknown-key: unsupported key 'Nope' in group 'Quadlet' in web.container",
    ]);
  });

  it('warns about User/Group/DynamicUser in [Service] and stray sections', () => {
    expect(
      problems({
        'a.volume':
          '[Volume]\n[Service]\nUser=1000\n[Container]\nImage=localhost/y\n[Foo]\n',
      }),
    ).toEqual([
      '3 warning quadlet/service-key: using key User in the Service group is not supported',
      '4 warning quadlet/unknown-section: [Container] is read only in .container files, not in .volume files',
      '6 warning quadlet/unknown-section: unknown section [Foo]: systemd ignores it',
    ]);
  });

  it.each([
    ['[Container]\nExec=true\n', 'no Image or Rootfs key specified'],
    [
      '[Container]\nImage=localhost/y\nRootfs=/r\n',
      'the Image And Rootfs keys conflict can not be specified together',
    ],
    [
      '[Container]\nImage=localhost/y\nGroup=10\n',
      'invalid Group set without User',
    ],
    [
      '[Container]\nImage=localhost/y\nRemapUsers=auto\nUserNS=keep-id\n',
      'deprecated Remap keys are set along with explicit mapping keys',
    ],
    [
      '[Container]\nImage=localhost/y\nRemapUid=0:1:2\n',
      'UidMap set without RemapUsers',
    ],
    [
      '[Container]\nImage=localhost/y\nRemapUsers=weird\n',
      "unsupported RemapUsers option 'weird'",
    ],
    [
      '[Container]\nImage=localhost/y\nReloadCmd=/bin/reload\nReloadSignal=SIGHUP\n',
      'ReloadCmd and ReloadSignal are mutually exclusive but both are set',
    ],
    [
      '[Container]\nImage=localhost/y\nExposeHostPort=80/sctp\n',
      "invalid port format '80/sctp'",
    ],
    [
      '[Container]\nImage=localhost/y\n[Service]\nKillMode=process\n',
      "invalid KillMode 'process'",
    ],
    [
      '[Container]\nImage=localhost/y\n[Service]\nType=simple\n',
      "invalid service Type 'simple'",
    ],
    [
      '[Container]\nImage=localhost/y\nMount=type=image,destination=/x\n',
      'source parameter is required for mount type image',
    ],
    [
      '[Container]\nImage=localhost/y\nMount=type=bind,src=a\\"b\n',
      'bare " in non-quoted-field',
    ],
    [
      '[Container]\nImage=localhost/y\nPod=mypod\n',
      'pod mypod is not Quadlet based',
    ],
  ])('refuses %j', (text, message) => {
    const found = problems({ 'c.container': text }).filter(p =>
      p.includes(' error '),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it.each([
    [
      'a.network',
      '[Network]\nGateway=10.0.0.1\n',
      'cannot set gateway or range without subnet',
    ],
    [
      'a.network',
      '[Network]\nSubnet=10.0.0.0/24\nIPRange=10.0.0.0/28\nIPRange=10.0.0.16/28\n',
      'cannot set more ranges than subnets',
    ],
    [
      'a.volume',
      '[Volume]\nDriver=image\n',
      'the key Image is mandatory when using the image driver',
    ],
    [
      'a.volume',
      '[Volume]\nType=btrfs\n',
      "key Type can't be used without Device",
    ],
    [
      'a.kube',
      '[Kube]\nRemapUsers=manual\nYaml=/k.yml\n',
      'RemapUsers=manual is not supported',
    ],
    ['a.kube', '[Kube]\nPublishPort=80\n', 'no Yaml key specified'],
    [
      'a.kube',
      '[Kube]\nYaml=a.yml\nYaml=b.yml\nSetWorkingDirectory=yaml\n',
      'SetWorkingDirectory=yaml is only supported when a single Yaml key is provided',
    ],
    [
      'a.kube',
      '[Kube]\nYaml=a.yml\nSetWorkingDirectory=/srv\n',
      'unsupported value for WorkingDirectory: /srv',
    ],
    ['a.image', '[Image]\nArch=arm64\n', 'no Image key specified'],
    [
      'a.build',
      '[Build]\nSetWorkingDirectory=unit\n',
      'no ImageTag key specified',
    ],
    [
      'a.build',
      '[Build]\nImageTag=localhost/a\n',
      'neither SetWorkingDirectory, nor File key specified',
    ],
    [
      'a.build',
      '[Build]\nImageTag=localhost/a\nFile=Containerfile\n',
      'relative path in File key requires SetWorkingDirectory key to be set',
    ],
    [
      'a.build',
      '[Build]\nImageTag=localhost/a\nSetWorkingDirectory=yaml\n',
      'SetWorkingDirectory=yaml is only supported in .kube files',
    ],
    ['a.artifact', '[Artifact]\nQuiet=true\n', 'no Artifact key specified'],
    [
      'a.pod',
      '[Pod]\nUIDMap=0:1:1\nRemapUsers=auto\n',
      'deprecated Remap keys are set along with explicit mapping keys',
    ],
  ])('refuses %s with %j', (name, text, message) => {
    const found = problems({ [name]: text }).filter(p => p.includes(' error '));
    // Podman stops at the first problem; we may list a consequence too.
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]).toContain(message);
  });

  it.each([
    ['a.build', '[Build]\nImageTag=localhost/a\nFile=%h/Containerfile\n'],
    [
      'a.build',
      '[Build]\nImageTag=localhost/a\nFile=https://example.com/Containerfile\n',
    ],
    [
      'a.build',
      '[Build]\nImageTag=localhost/a\nSetWorkingDirectory=git://example.com/repo\n',
    ],
    [
      'a.build',
      '[Build]\nImageTag=localhost/a\nFile=Containerfile\n[Service]\nWorkingDirectory=/srv\n',
    ],
    ['a.kube', '[Kube]\nYaml=a.yml\nYaml=b.yml\nSetWorkingDirectory=unit\n'],
    ['a.volume', '[Volume]\nOptions=rw\nUser=root\n'],
    [
      'a.container',
      '[Container]\nImage=localhost/y\nRemapUsers=keep-id\nRemapUid=1000\n',
    ],
    [
      'a.container',
      '[Container]\nImage=localhost/y\nMount=type=volume,destination=/anon\n',
    ],
    [
      'a.container',
      '[Container]\nImage=localhost/y\nExposeHostPort=8000-8010/udp\n',
    ],
  ])('accepts %s %j', (name, text) => {
    expect(
      problems({ [name]: text }).filter(p => p.includes(' error ')),
    ).toEqual([]);
  });

  it('warns on values podman drops because of a bad escape, with their line', () => {
    expect(
      problems({
        'c.container':
          "[Container]\nImage=localhost/y\nLabel=regex=^foo(\\?.*)?$\nExec='test\\.com'\n",
      }),
    ).toEqual([
      '4 warning quadlet/unsupported-escape: Exec=: unsupported escape char; podman ignores the value',
      '3 warning quadlet/unsupported-escape: Label=: unsupported escape char; podman ignores the value',
    ]);
  });

  it('warns on short image names and unquoted multi-word values', () => {
    expect(
      problems({
        'c.container':
          '[Container]\nImage=redis:7\nEnvironment=A=1 two words\n',
      }),
    ).toEqual([
      '3 warning quadlet/unquoted-value: Environment=: token "two" has no \'=\' and follows a KEY=VALUE on the same line; an earlier value probably contains unquoted whitespace',
      '3 warning quadlet/unquoted-value: Environment=: token "words" has no \'=\' and follows a KEY=VALUE on the same line; an earlier value probably contains unquoted whitespace',
      '2 warning quadlet/short-name: c.container specifies the image "redis:7" which not a fully qualified image name. This is not ideal for performance and security reasons. See the podman-pull manpage discussion of short-name-aliases.conf for details.',
    ]);
  });

  it('points at the drop-in that causes a problem', () => {
    const analysis = analyzeQuadlets(
      tree({
        'c.container': '[Container]\nImage=localhost/y\n',
        'c.container.d/10.conf': '[Container]\nBogus=1\n',
      }),
    );
    expect(analysis.byName.get('c.container')!.diagnostics).toEqual([
      expect.objectContaining({
        file: 'c.container.d/10.conf',
        line: 2,
        code: 'quadlet/unknown-key',
      }),
    ]);
  });
});
