import { parseImageReference, type ImageReference } from '../../image';

/**
 * One refused input: the field (`ports[1].hostPort`) and the rule it breaks, so a form or a
 * task log can say exactly what to fix. Inputs come from wizard forms, query strings and CI.
 */
export interface InputProblem {
  field: string;
  rule: string;
}

export type RuleResult<T> =
  | { ok: true; value: T }
  | { ok: false; problem: InputProblem };

function refuse<T>(field: string, rule: string): RuleResult<T> {
  return { ok: false, problem: { field, rule } };
}

function accept<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

/** Unit, volume and route names: they become file names, DNS names and systemd unit names. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * C0 and C1 controls, DEL, and the Unicode line and paragraph separators. A newline in a unit
 * value would start a new key (`ExecStartPre=…`); YAML also breaks lines at U+2028/U+2029/U+0085.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function describeControl(text: string): string {
  const found = CONTROL.exec(text);
  if (!found) return '';
  const code = found[0].charCodeAt(0);
  if (code === 0x0a) return 'a newline';
  if (code === 0x0d) return 'a carriage return';
  if (code === 0x09) return 'a tab';
  return `the control character U+${code
    .toString(16)
    .toUpperCase()
    .padStart(4, '0')}`;
}

/**
 * Every string in `input` (object keys and array items included, at any depth) checked for
 * control characters, with the path of the field that holds it.
 */
export function controlCharacterProblems(
  input: unknown,
  field = 'input',
): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (CONTROL.test(value)) {
        problems.push({
          field: path,
          rule: `may not contain a newline or control character (found ${describeControl(
            value,
          )})`,
        });
      }
      return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key)) {
        problems.push({
          field: `${path} key ${JSON.stringify(key)}`,
          rule: 'a key may not contain a newline or control character',
        });
        continue;
      }
      walk(item, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(input, field);
  return problems;
}

/** A single-line text without control characters (the base rule of every other text rule). */
export function singleLine(
  field: string,
  value: unknown,
  options: { maxLength?: number; allowEmpty?: boolean } = {},
): RuleResult<string> {
  if (typeof value !== 'string') return refuse(field, 'must be a string');
  if (CONTROL.test(value)) {
    return refuse(
      field,
      `may not contain a newline or control character (found ${describeControl(
        value,
      )})`,
    );
  }
  if (!options.allowEmpty && value.trim() === '')
    return refuse(field, 'may not be empty');
  const max = options.maxLength ?? 1024;
  if (value.length > max)
    return refuse(field, `must be at most ${max} characters`);
  return accept(value);
}

export function name(field: string, value: unknown): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 63 });
  if (!text.ok) return text;
  if (!NAME_PATTERN.test(text.value)) {
    return refuse(
      field,
      `must match ${NAME_PATTERN.source} (lowercase letters, digits and dashes, starting with a letter or digit, at most 63 characters)`,
    );
  }
  return text;
}

/**
 * A text that lands in a unit file as a value: one line, no backslash (a trailing one would
 * continue the line into the next key; others are escapes for some keys), no leading or
 * trailing blanks (systemd trims them, so what is written would not be what runs).
 */
export function unitText(
  field: string,
  value: unknown,
  maxLength = 200,
): RuleResult<string> {
  const text = singleLine(field, value, { maxLength });
  if (!text.ok) return text;
  if (text.value.includes('\\'))
    return refuse(field, 'may not contain a backslash');
  if (text.value !== text.value.trim())
    return refuse(field, 'may not start or end with blanks');
  return text;
}

/** A port range as written in `PublishPort=`: one port or `first-last`. */
export interface PortRange {
  first: number;
  last: number;
}

export function portCount(range: PortRange): number {
  return range.last - range.first + 1;
}

export function formatPortRange(range: PortRange): string {
  return range.first === range.last
    ? String(range.first)
    : `${range.first}-${range.last}`;
}

/** A TCP/UDP port (1-65535) or a range `first-last` with first ≤ last, as a number or text. */
export function portRange(
  field: string,
  value: unknown,
): RuleResult<PortRange> {
  let text: string;
  if (typeof value === 'number') {
    text = String(value);
  } else {
    const line = singleLine(field, value, { maxLength: 11 });
    if (!line.ok) return line;
    text = line.value;
  }
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!match) {
    return refuse(
      field,
      'must be a port (1-65535) or a range of ports written first-last',
    );
  }
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  for (const port of [first, last]) {
    if (port < 1 || port > 65535)
      return refuse(field, `port ${port} is outside 1-65535`);
  }
  if (first > last) {
    return refuse(
      field,
      `range ${first}-${last} must start at or below where it ends`,
    );
  }
  return accept({ first, last });
}

/** An IPv4 address in dotted-quad form (the host side of `PublishPort=`). */
export function ipv4(field: string, value: unknown): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 15 });
  if (!text.ok) return text;
  const parts = text.value.split('.');
  if (
    parts.length !== 4 ||
    parts.some(p => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)
  ) {
    return refuse(field, 'must be an IPv4 address such as 127.0.0.1');
  }
  return text;
}

/** A registry image reference following the distribution grammar (no transport, no unit). */
export function imageReference(
  field: string,
  value: unknown,
): RuleResult<ImageReference> {
  const text = singleLine(field, value, { maxLength: 512 });
  if (!text.ok) return text;
  if (text.value.startsWith('docker://')) {
    return refuse(
      field,
      'must be a registry reference without a transport prefix',
    );
  }
  const parsed = parseImageReference(text.value);
  if (!parsed.ok) {
    return refuse(
      field,
      `must be an image reference such as ghcr.io/owner/name:1.2.3 (${parsed.error})`,
    );
  }
  if (parsed.reference.shortName) {
    return refuse(
      field,
      'must name its registry (ghcr.io/…, docker.io/…): podman refuses short names without a TTY',
    );
  }
  return accept(parsed.reference);
}

/** An environment variable name, as podman's env files accept it. */
export function environmentName(
  field: string,
  value: unknown,
): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 128 });
  if (!text.ok) return text;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text.value)) {
    return refuse(
      field,
      'must be a variable name: letters, digits and underscores, not starting with a digit',
    );
  }
  return text;
}

/**
 * An absolute path inside a container: `/` then segments of letters, digits, `.`, `_` and
 * `-` (no `:` or `,`, which would end the `Volume=` field, no `..`, no specifiers).
 */
export function containerPath(
  field: string,
  value: unknown,
): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 1024 });
  if (!text.ok) return text;
  const segments = text.value.split('/').slice(1);
  if (
    !text.value.startsWith('/') ||
    text.value === '/' ||
    segments.some(s => !/^[A-Za-z0-9._-]+$/.test(s) || s === '.' || s === '..')
  ) {
    return refuse(
      field,
      'must be an absolute path inside the container such as /data (letters, digits, ".", "_", "-" between slashes; no ".." and no trailing slash)',
    );
  }
  return text;
}

/**
 * A path relative to a repository or workspace that stays inside it: no leading `/`, no `..`
 * segment, no backslash, no empty segment. (The Backstage adapter also resolves it against
 * the workspace with `resolveSafeChildPath`, which follows symlinks.)
 */
export function relativePath(
  field: string,
  value: unknown,
  options: { allowRoot?: boolean } = {},
): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 1024 });
  if (!text.ok) return text;
  const path = text.value;
  if (options.allowRoot && (path === '.' || path === './')) return accept('.');
  const segments = path.replace(/^\.\//, '').replace(/\/$/, '').split('/');
  if (
    path.startsWith('/') ||
    path.includes('\\') ||
    segments.some(s => s === '' || s === '.' || s === '..')
  ) {
    return refuse(
      field,
      'must be a relative path that stays inside the repository (no leading "/", no ".." segment)',
    );
  }
  return accept(segments.join('/'));
}

/** A public DNS hostname (lowercase labels of letters, digits and inner dashes, at least two). */
export function hostname(field: string, value: unknown): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 253 });
  if (!text.ok) return text;
  const labels = text.value.split('.');
  if (
    labels.length < 2 ||
    labels.some(l => !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l))
  ) {
    return refuse(
      field,
      'must be a lowercase DNS name such as app.example.org (labels of letters, digits and inner dashes)',
    );
  }
  return text;
}

/** A systemd target the unit is wanted by: `name.target`. */
export function targetName(field: string, value: unknown): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 70 });
  if (!text.ok) return text;
  const match = /^(.*)\.target$/.exec(text.value);
  if (!match || !NAME_PATTERN.test(match[1])) {
    return refuse(
      field,
      `must be a systemd target such as default.target or box.target (a name matching ${NAME_PATTERN.source} then ".target")`,
    );
  }
  return text;
}

/** An http(s) URL to a loopback or named host with an optional port, for cloudflared `service:`. */
export function serviceUrl(field: string, value: unknown): RuleResult<string> {
  const text = singleLine(field, value, { maxLength: 256 });
  if (!text.ok) return text;
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/?$/.test(text.value)) {
    return refuse(
      field,
      'must be an http:// or https:// URL to a host and optional port, such as http://127.0.0.1:80',
    );
  }
  return text;
}

/** A documentation link for `Documentation=`: http(s), no blanks or quotes (`%` is escaped when written). */
export function documentationUrl(
  field: string,
  value: unknown,
): RuleResult<string> {
  const text = unitText(field, value, 512);
  if (!text.ok) return text;
  if (!/^https?:\/\/[^\s"'<>]+$/.test(text.value)) {
    return refuse(
      field,
      'must be an http:// or https:// URL without blanks or quotes',
    );
  }
  return text;
}
