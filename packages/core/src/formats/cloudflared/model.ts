import { isMap } from 'yaml';
import { Diagnostic } from '../../diagnostic';
import { DiagnosticSink } from '../common/diagnosticSink';
import { parseEndpoint } from '../common/endpoint';
import { YamlReader } from '../common/yamlReader';
import { CloudflaredDocument } from './parse';
import {
  CloudflaredConfig,
  CloudflaredIngressRule,
  CloudflaredService,
} from './types';

export interface CloudflaredModelResult {
  config: CloudflaredConfig;
  diagnostics: Diagnostic[];
}

const UUID_RE =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HELLO_WORLD = new Set(['hello_world', 'hello-world', 'helloworld']);

/**
 * Turns a cloudflared config into the tunnel id, credential file path and ingress rules,
 * and checks the rules the way cloudflared validates them before it starts: the last rule
 * must catch everything, and no earlier rule may (the ones after it would never match).
 * Never throws.
 */
export function modelCloudflared(
  document: CloudflaredDocument,
): CloudflaredModelResult {
  const reader = new YamlReader(document.yaml);
  const sink = new DiagnosticSink(document.yaml.file, 'cloudflared');
  const root = reader.root();
  const config: CloudflaredConfig = { file: document.yaml.file, ingress: [] };
  if (root !== null && !isMap(root)) {
    sink.error(
      reader.line(root),
      'not-a-mapping',
      'cloudflared expects a mapping of settings at the top of the file',
    );
    return { config, diagnostics: sink.diagnostics };
  }

  const tunnel = reader.get(root, 'tunnel');
  const tunnelId = reader.text(tunnel?.value);
  if (tunnel && tunnelId) {
    config.tunnel = {
      id: tunnelId,
      line: tunnel.line,
      isUuid: UUID_RE.test(tunnelId),
    };
  }
  const credentials = reader.get(root, 'credentials-file');
  const credentialsPath = reader.text(credentials?.value);
  if (credentials && credentialsPath)
    config.credentialsFile = { path: credentialsPath, line: credentials.line };
  const cert = reader.get(root, 'origincert');
  const certPath = reader.text(cert?.value);
  if (cert && certPath) config.originCert = { path: certPath, line: cert.line };
  const defaults = plainObject(
    reader.plain(reader.get(root, 'originRequest')?.value),
  );
  if (defaults) config.originRequest = defaults;
  const warp = reader.boolean(
    reader.get(reader.get(root, 'warp-routing')?.value, 'enabled')?.value,
  );
  if (warp !== undefined) config.warpRouting = warp;

  const ingress = reader.get(root, 'ingress');
  if (!ingress) {
    return { config, diagnostics: sink.diagnostics };
  }
  if (reader.isSet(ingress.value) && !reader.isSeq(ingress.value)) {
    sink.error(
      ingress.line,
      'invalid-value',
      'ingress must be a list of rules',
    );
    return { config, diagnostics: sink.diagnostics };
  }
  const items = reader.items(ingress.value);
  items.forEach((item, index) => {
    const line = reader.line(item);
    const rule: CloudflaredIngressRule = {
      index,
      line,
      catchAll: false,
      reachable: true,
    };
    if (!reader.isMap(item)) {
      sink.error(
        line,
        'invalid-value',
        `ingress rule #${
          index + 1
        } must be a mapping with hostname, path and service`,
      );
      config.ingress.push(rule);
      return;
    }
    const hostname = reader.text(reader.get(item, 'hostname')?.value);
    if (hostname !== undefined && hostname !== '') rule.hostname = hostname;
    const path = reader.text(reader.get(item, 'path')?.value);
    if (path !== undefined && path !== '') rule.path = path;
    const originRequest = plainObject(
      reader.plain(reader.get(item, 'originRequest')?.value),
    );
    if (originRequest) rule.originRequest = originRequest;
    rule.catchAll =
      (rule.hostname === undefined || rule.hostname === '*') &&
      rule.path === undefined;

    const serviceEntry = reader.get(item, 'service');
    const serviceText = reader.text(serviceEntry?.value);
    if (!serviceText) {
      sink.error(
        line,
        'missing-service',
        `ingress rule #${
          index + 1
        } has no service; cloudflared refuses the file`,
      );
    } else {
      rule.service = readService(
        serviceText,
        index,
        serviceEntry?.line ?? line,
        sink,
      );
    }
    checkHostname(rule, sink);
    checkPath(rule, sink);
    config.ingress.push(rule);
  });
  checkOrder(config.ingress, sink);
  return { config, diagnostics: sink.diagnostics };
}

function plainObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function readService(
  raw: string,
  index: number,
  line: number,
  sink: DiagnosticSink,
): CloudflaredService {
  const rule = `ingress rule #${index + 1}`;
  if (raw.startsWith('unix:') || raw.startsWith('unix+tls:')) {
    return { raw, kind: 'unix', socket: raw.slice(raw.indexOf(':') + 1) };
  }
  if (raw.startsWith('http_status:')) {
    const code = raw.slice('http_status:'.length);
    const status = Number(code);
    if (!/^\d{3}$/.test(code) || status < 100 || status > 599) {
      sink.error(
        line,
        'invalid-service',
        `${rule}: "${raw}" needs an HTTP status code between 100 and 599`,
      );
      return { raw, kind: 'http_status' };
    }
    return { raw, kind: 'http_status', status };
  }
  if (HELLO_WORLD.has(raw)) return { raw, kind: 'hello_world' };
  if (raw === 'bastion') return { raw, kind: 'bastion' };
  if (raw === 'socks-proxy' || raw === 'socks_proxy')
    return { raw, kind: 'socks_proxy' };

  const service: CloudflaredService = { raw, kind: 'url' };
  const endpoint = parseEndpoint(raw);
  if (!endpoint) {
    sink.error(
      line,
      'invalid-service',
      `${rule}: "${raw}" is not a valid service; give a scheme and a host such as http://127.0.0.1:80, or http_status:404`,
    );
    return service;
  }
  service.endpoint = endpoint;
  if (endpoint.path !== '/') {
    sink.error(
      line,
      'service-with-path',
      `${rule}: "${raw}" has a path; cloudflared refuses it and forwards the request path unchanged`,
    );
  } else if (/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/$/i.test(raw)) {
    sink.warning(
      line,
      'service-with-path',
      `${rule}: drop the trailing "/" from "${raw}"; some cloudflared versions refuse any path on a service`,
    );
  }
  return service;
}

function checkHostname(
  rule: CloudflaredIngressRule,
  sink: DiagnosticSink,
): void {
  const hostname = rule.hostname;
  if (hostname === undefined) return;
  const where = `ingress rule #${rule.index + 1}`;
  if (/:\d*$/.test(hostname) && !hostname.startsWith('[')) {
    sink.error(
      rule.line,
      'hostname-with-port',
      `${where}: hostname "${hostname}" cannot contain a port`,
    );
  }
  if (hostname.lastIndexOf('*') > 0) {
    sink.error(
      rule.line,
      'bad-wildcard',
      `${where}: hostname "${hostname}" may only use "*" at the start, as in *.example.com`,
    );
  }
}

function isValidRegExp(pattern: string): boolean {
  try {
    return RegExp(pattern).source.length >= 0;
  } catch {
    return false;
  }
}

function checkPath(rule: CloudflaredIngressRule, sink: DiagnosticSink): void {
  if (rule.path === undefined) return;
  // Go's RE2 accepts leading flag groups such as (?i), which JavaScript does not.
  const pattern = rule.path.replace(/^\(\?[a-zA-Z]+\)/, '');
  if (!isValidRegExp(pattern)) {
    sink.warning(
      rule.line,
      'invalid-path',
      `ingress rule #${rule.index + 1}: path "${
        rule.path
      }" does not look like a valid regular expression`,
    );
  }
}

/** `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com`, `com`. */
function dotSuffixes(hostname: string): string[] {
  const labels = hostname.replace(/^\*\./, '').split('.');
  return labels.map((_, index) => labels.slice(index).join('.'));
}

/**
 * Remembers the rules seen so far by what they match, so that finding the earlier rule that
 * hides a later one costs a few lookups instead of a scan of every earlier rule.
 */
class RuleIndex {
  private catchAll?: CloudflaredIngressRule;
  private readonly hosts = new Map<string, CloudflaredIngressRule>();
  private readonly wildcards = new Map<string, CloudflaredIngressRule>();
  private readonly hostPaths = new Map<string, CloudflaredIngressRule>();

  /** The earlier rule that already matches every request `rule` would, if any. */
  shadowOf(rule: CloudflaredIngressRule): CloudflaredIngressRule | undefined {
    if (this.catchAll) return this.catchAll;
    const samePath = this.hostPaths.get(
      `${rule.hostname ?? ''}\u0000${rule.path ?? ''}`,
    );
    if (samePath) return samePath;
    if (rule.hostname === undefined) return undefined;
    const exact = this.hosts.get(rule.hostname);
    if (exact) return exact;
    // cloudflared matches `*.example.com` by suffix, so it also hides deeper wildcards.
    for (const suffix of dotSuffixes(rule.hostname)) {
      const wildcard = this.wildcards.get(suffix);
      if (wildcard) return wildcard;
    }
    return undefined;
  }

  add(rule: CloudflaredIngressRule): void {
    if (rule.catchAll) {
      this.catchAll ??= rule;
    } else if (rule.path !== undefined) {
      const key = `${rule.hostname ?? ''}\u0000${rule.path}`;
      if (!this.hostPaths.has(key)) this.hostPaths.set(key, rule);
    } else if (rule.hostname?.startsWith('*.')) {
      const suffix = rule.hostname.slice(2);
      if (!this.wildcards.has(suffix)) this.wildcards.set(suffix, rule);
    } else if (rule.hostname !== undefined && !this.hosts.has(rule.hostname)) {
      this.hosts.set(rule.hostname, rule);
    }
  }
}

function checkOrder(
  rules: CloudflaredIngressRule[],
  sink: DiagnosticSink,
): void {
  if (rules.length === 0) {
    sink.warning(
      0,
      'no-ingress-rules',
      'ingress is empty; cloudflared refuses a config without ingress rules',
    );
    return;
  }
  const last = rules[rules.length - 1];
  if (!last.catchAll) {
    sink.error(
      last.line,
      'last-rule-not-catch-all',
      'the last ingress rule must match all URLs (no hostname or path), e.g. "- service: http_status:404"; cloudflared refuses the file',
    );
  }
  const catchAll = rules.findIndex(rule => rule.catchAll);
  if (catchAll >= 0 && catchAll < rules.length - 1) {
    const unreachable = rules
      .slice(catchAll + 1)
      .map(rule => `#${rule.index + 1}`)
      .join(', ');
    sink.error(
      rules[catchAll].line,
      'catch-all-not-last',
      `ingress rule #${
        catchAll + 1
      } matches every request, so rules ${unreachable} after it can never match; cloudflared refuses the file`,
    );
  }
  // Hostname rules hidden behind an earlier rule: not refused by cloudflared, just dead.
  const index = new RuleIndex();
  for (const rule of rules) {
    const shadow = index.shadowOf(rule);
    if (shadow) {
      rule.reachable = false;
      if (!shadow.catchAll) {
        sink.warning(
          rule.line,
          'unreachable-rule',
          `ingress rule #${rule.index + 1} can never match: rule #${
            shadow.index + 1
          } above already catches its requests`,
        );
      }
    }
    index.add(rule);
  }
}
