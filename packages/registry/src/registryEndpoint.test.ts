import {
  canonicalRegistry,
  hostOf,
  isLoopbackHost,
  registryEndpoint,
} from './registryEndpoint';

describe('registryEndpoint', () => {
  it('sends docker.io to registry-1.docker.io over HTTPS', () => {
    for (const name of ['docker.io', 'index.docker.io', 'Docker.IO']) {
      expect(registryEndpoint(name)).toEqual({
        registry: 'docker.io',
        baseUrl: 'https://registry-1.docker.io',
        scheme: 'https',
      });
    }
  });

  it('speaks plain HTTP to loopback registries only', () => {
    expect(registryEndpoint('localhost:5000').baseUrl).toBe(
      'http://localhost:5000',
    );
    expect(registryEndpoint('127.0.0.1:5000').baseUrl).toBe(
      'http://127.0.0.1:5000',
    );
    expect(registryEndpoint('127.12.0.9').baseUrl).toBe('http://127.12.0.9');
    expect(registryEndpoint('[::1]:5000').baseUrl).toBe('http://[::1]:5000');
    expect(registryEndpoint('ghcr.io').baseUrl).toBe('https://ghcr.io');
    expect(registryEndpoint('192.168.1.10:5000').baseUrl).toBe(
      'https://192.168.1.10:5000',
    );
    expect(registryEndpoint('localhost.example.com').baseUrl).toBe(
      'https://localhost.example.com',
    );
    expect(registryEndpoint('128.0.0.1').baseUrl).toBe('https://128.0.0.1');
  });

  it('uses plain HTTP for a registry listed as insecure, by host:port or host', () => {
    expect(
      registryEndpoint('registry.lan:5000', ['registry.lan:5000']).scheme,
    ).toBe('http');
    expect(registryEndpoint('registry.lan:5000', ['registry.lan']).scheme).toBe(
      'http',
    );
    expect(
      registryEndpoint('registry.lan:5000', ['registry.lan:6000']).scheme,
    ).toBe('https');
    expect(registryEndpoint('other.lan', ['registry.lan']).scheme).toBe(
      'https',
    );
  });

  it('splits hosts and names registries canonically', () => {
    expect(hostOf('[::1]:5000')).toBe('[::1]');
    expect(hostOf('a.example:443')).toBe('a.example');
    expect(hostOf('a.example')).toBe('a.example');
    expect(canonicalRegistry('GHCR.io')).toBe('ghcr.io');
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('::1')).toBe(true);
  });
});
