import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

export type IngressEditResult =
  | {
      ok: true;
      text: string;
      /** 1-based line of the new rule's `- hostname:` line. */
      line: number;
    }
  | { ok: false; reason: string };

function scalarValue(map: YAMLMap, key: string): unknown {
  const node = map.get(key, true);
  return isScalar(node) ? node.value : undefined;
}

function isCatchAll(item: unknown): boolean {
  if (!isMap(item)) return false;
  const hostname = scalarValue(item, 'hostname');
  return (
    (hostname === undefined || hostname === '*') &&
    scalarValue(item, 'path') === undefined
  );
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

/**
 * Adds `- hostname: … / service: …` to a cloudflared config's `ingress:` list, just after the
 * last rule that precedes the catch-all (cloudflared wants the catch-all last), so comments
 * above the catch-all stay with it. The YAML Document API finds the spot; the text is spliced
 * in, so every other byte of the file (comments, quoting, blank lines) stays as it was.
 */
export function addIngressRule(
  configText: string,
  hostname: string,
  service: string,
): IngressEditResult {
  const doc = parseDocument(configText, { keepSourceTokens: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      reason: `the config is not valid YAML: ${doc.errors[0].message}`,
    };
  }
  if (!isMap(doc.contents)) {
    return { ok: false, reason: 'the config is not a YAML mapping' };
  }
  const ingress = doc.contents.get('ingress', true);
  if (!isSeq(ingress) || ingress.flow) {
    return {
      ok: false,
      reason: 'the config has no block list under "ingress:" to add a rule to',
    };
  }
  const items = ingress.items;
  for (const item of items) {
    if (isMap(item) && scalarValue(item, 'hostname') === hostname) {
      return {
        ok: false,
        reason: `${hostname} already has an ingress rule`,
      };
    }
  }
  const catchAllIndex = items.findIndex(isCatchAll);
  const before = catchAllIndex < 0 ? items.length : catchAllIndex;
  const previousItem = before > 0 ? items[before - 1] : undefined;
  const previous = isMap(previousItem) ? previousItem : undefined;
  if (previousItem !== undefined && !previous) {
    return { ok: false, reason: 'an ingress rule is not a mapping' };
  }
  const anchor = previous ?? items[catchAllIndex];
  if (!anchor || !isMap(anchor) || !anchor.range) {
    return {
      ok: false,
      reason: 'the "ingress:" list has no rule to place the new one beside',
    };
  }
  // The item's own `- ` prefix is what sits between its line start and its first key.
  const anchorStart = anchor.range[0];
  const prefix = configText.slice(
    lineStart(configText, anchorStart),
    anchorStart,
  );
  if (!/^ *- +$/.test(prefix)) {
    return {
      ok: false,
      reason:
        'the ingress rules are not written one "- key: value" block per rule',
    };
  }
  const newline = configText.includes('\r\n') ? '\r\n' : '\n';
  const indent = ' '.repeat(prefix.length);
  const rule = `${prefix}hostname: ${hostname}${newline}${indent}service: ${service}${newline}`;
  let at: number;
  if (previous?.range) {
    // After the previous rule's last line (its range ends where its value ends).
    at = lineEnd(configText, previous.range[1] - 1);
    if (at === configText.length && !configText.endsWith('\n'))
      return addAtEnd(configText, rule, newline);
  } else {
    at = lineStart(configText, anchorStart);
  }
  const text = configText.slice(0, at) + rule + configText.slice(at);
  const line = text.slice(0, at).split('\n').length;
  return verify(text, hostname, service, before, line);
}

function addAtEnd(
  configText: string,
  rule: string,
  newline: string,
): IngressEditResult {
  const text = configText + newline + rule;
  return { ok: true, text, line: configText.split('\n').length + 1 };
}

/** Reads the result back: the new rule must be where it was meant to go, with its values. */
function verify(
  text: string,
  hostname: string,
  service: string,
  index: number,
  line: number,
): IngressEditResult {
  const doc = parseDocument(text);
  const ingress = isMap(doc.contents)
    ? doc.contents.get('ingress', true)
    : undefined;
  const item = isSeq(ingress) ? ingress.items[index] : undefined;
  if (
    doc.errors.length > 0 ||
    !isMap(item) ||
    scalarValue(item, 'hostname') !== hostname ||
    scalarValue(item, 'service') !== service
  ) {
    return {
      ok: false,
      reason:
        "the rule could not be added without changing the file's structure",
    };
  }
  return { ok: true, text, line };
}

/** The `service:` most hostname rules of a config use (Caddy on the loopback, usually). */
export function commonIngressService(configText: string): string | undefined {
  const doc = parseDocument(configText);
  const ingress = isMap(doc.contents)
    ? doc.contents.get('ingress', true)
    : undefined;
  if (!isSeq(ingress)) return undefined;
  const counts = new Map<string, number>();
  for (const item of ingress.items) {
    if (!isMap(item) || isCatchAll(item)) continue;
    const service = scalarValue(item, 'service');
    if (typeof service === 'string' && /^https?:\/\//.test(service))
      counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [service, count] of counts) {
    if (best === undefined || count > counts.get(best)!) best = service;
  }
  return best;
}
