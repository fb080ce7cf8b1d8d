import { parsePublishedPort } from './publishedPort';

const at = { tree: 't', path: 'p', line: 3 };

describe('parsePublishedPort', () => {
  it.each([
    [
      '127.0.0.1:8091:80',
      {
        hostIp: '127.0.0.1',
        hostPort: 8091,
        containerPort: 80,
        protocol: 'tcp',
      },
    ],
    ['25:25', { hostPort: 25, containerPort: 25, protocol: 'tcp' }],
    ['8080', { containerPort: 8080, protocol: 'tcp' }],
    [
      '127.0.0.1::80',
      { hostIp: '127.0.0.1', containerPort: 80, protocol: 'tcp' },
    ],
    [
      '[::1]:53:53/udp',
      { hostIp: '::1', hostPort: 53, containerPort: 53, protocol: 'udp' },
    ],
    [
      '0.0.0.0:8000-8010:9000-9010',
      {
        hostIp: '0.0.0.0',
        hostPort: 8000,
        containerPort: 9000,
        protocol: 'tcp',
      },
    ],
  ])('%s', (text, expected) => {
    const port = parsePublishedPort(text, at);
    expect({ ...port, text: undefined, source: undefined }).toEqual({
      ...expected,
      text: undefined,
      source: undefined,
    });
    expect(port.source).toBe(at);
  });

  it('leaves unreadable parts out', () => {
    expect(parsePublishedPort('%i:80', at)).toEqual({
      text: '%i:80',
      protocol: 'tcp',
      containerPort: 80,
      source: at,
    });
  });
});
