import { parseImageSource } from './imageSource';

describe('parseImageSource', () => {
  it('parses a plain registry reference', () => {
    expect(parseImageSource('docker.io/twentycrm/twenty:v2.0.0')).toMatchObject(
      {
        kind: 'registry',
        reference: {
          normalized: 'docker.io/twentycrm/twenty:v2.0.0',
          pin: { tier: 'version' },
        },
      },
    );
  });

  it('parses docker:// as a registry reference that remembers its prefix', () => {
    expect(
      parseImageSource('docker://quay.io/cockpit/ws:latest'),
    ).toMatchObject({
      kind: 'registry',
      reference: { transport: 'docker', path: 'cockpit/ws' },
    });
  });

  it.each([
    ['paperclip.image', 'image'],
    ['paperclip.build', 'build'],
    ['my-app@.build', 'build'],
  ])('reads %s as a reference to a quadlet %s unit', (text, unitType) => {
    expect(parseImageSource(text)).toEqual({
      kind: 'unit',
      text,
      unit: text,
      unitType,
    });
  });

  it.each([
    ['oci-archive:/var/tmp/app.tar', 'oci-archive', '/var/tmp/app.tar'],
    ['oci:/srv/layout:app', 'oci', '/srv/layout:app'],
    [
      'containers-storage:localhost/app:1',
      'containers-storage',
      'localhost/app:1',
    ],
    [
      'docker-archive:/tmp/x.tar:redis:7',
      'docker-archive',
      '/tmp/x.tar:redis:7',
    ],
    ['dir:/srv/image', 'dir', '/srv/image'],
  ])('keeps the local transport of %s', (text, transport, location) => {
    expect(parseImageSource(text)).toEqual({
      kind: 'transport',
      text,
      transport,
      location,
    });
  });

  it.each([
    'ghcr.io/org/app:{{ .tag }}',
    'ghcr.io/org/app:${TAG}',
    '$IMAGE',
    'localhost/%N:latest',
  ])('recognises the template in %s instead of calling it invalid', text => {
    expect(parseImageSource(text)).toEqual({ kind: 'templated', text });
  });

  it('explains a docker transport without slashes', () => {
    expect(parseImageSource('docker:redis')).toEqual({
      kind: 'invalid',
      text: 'docker:redis',
      error:
        'the docker transport is written "docker://" followed by the reference',
    });
  });

  it('explains an empty transport location', () => {
    expect(parseImageSource('oci-archive:')).toEqual({
      kind: 'invalid',
      text: 'oci-archive:',
      error: 'the oci-archive: transport needs a location after the colon',
    });
  });

  it('does not mistake a registry port for a transport', () => {
    const source = parseImageSource('localhost:5000/app:1.0');
    expect(source.kind).toBe('registry');
  });

  it('passes grammar errors through', () => {
    expect(parseImageSource('Caddy:2')).toEqual({
      kind: 'invalid',
      text: 'Caddy:2',
      error: 'repository name "Caddy" must be lowercase',
    });
  });
});
