import type { PublishedPort, SourceRef } from './types';

/**
 * Reads a `PublishPort=` value (`[[ip:][hostPort]:]containerPort[/protocol]`, ranges allowed,
 * IPv6 in brackets). Unreadable parts are left out rather than guessed.
 */
export function parsePublishedPort(
  text: string,
  source: SourceRef,
): PublishedPort {
  let rest = text.trim();
  let protocol: PublishedPort['protocol'] = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash > rest.lastIndexOf(']') && slash >= 0) {
    const p = rest.slice(slash + 1).toLowerCase();
    if (p === 'udp' || p === 'sctp' || p === 'tcp') protocol = p;
    rest = rest.slice(0, slash);
  }
  const port: PublishedPort = { text, protocol, source };
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close > 0) {
      hostIp = rest.slice(1, close);
      rest = rest.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = rest.split(':');
  let host: string | undefined;
  let container: string | undefined;
  if (hostIp !== undefined) {
    [host, container] =
      parts.length >= 2 ? [parts[0], parts[1]] : [undefined, parts[0]];
  } else if (parts.length >= 3) {
    hostIp = parts.slice(0, parts.length - 2).join(':');
    host = parts[parts.length - 2];
    container = parts[parts.length - 1];
  } else if (parts.length === 2) {
    [host, container] = parts;
  } else {
    container = parts[0];
  }
  if (hostIp) port.hostIp = hostIp;
  const hostPort = firstPort(host);
  if (hostPort !== undefined) port.hostPort = hostPort;
  const containerPort = firstPort(container);
  if (containerPort !== undefined) port.containerPort = containerPort;
  return port;
}

/** `8080` or the first port of `8080-8090`; undefined for empty or unreadable text. */
function firstPort(text: string | undefined): number | undefined {
  const m =
    text === undefined ? null : /^(\d{1,5})(?:-\d{1,5})?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 && n <= 65535 ? n : undefined;
}
