import { ConfigReader } from '@backstage/config';
import { readRegistryOptions } from './registryOptions';

describe('readRegistryOptions', () => {
  it('reads timeouts, insecure registries and credentials', () => {
    expect(
      readRegistryOptions(
        new ConfigReader({
          quadletPortal: {
            registry: {
              requestTimeoutMs: 5000,
              deadlineMs: 20000,
              insecure: ['registry.lan:5000'],
              credentials: [
                { registry: 'ghcr.io', username: 'me', password: 'token' },
              ],
            },
          },
        }),
      ),
    ).toEqual({
      requestTimeoutMs: 5000,
      deadlineMs: 20000,
      insecure: ['registry.lan:5000'],
      credentials: [{ registry: 'ghcr.io', username: 'me', password: 'token' }],
    });
    expect(readRegistryOptions(new ConfigReader({}))).toEqual({});
  });
});
