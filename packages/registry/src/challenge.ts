/**
 * One challenge of a `WWW-Authenticate` header (RFC 7235): the scheme, lower-cased, and its
 * parameters with lower-cased names. Registries send
 * `Bearer realm="https://auth.example/token",service="registry.example",scope="repository:x:pull"`
 * or `Basic realm="Registry Realm"`.
 */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/**
 * Parses every challenge of a header value. Several challenges may share one value,
 * separated by commas, so a bare token after a comma starts a new challenge. Never throws;
 * text it cannot read is skipped.
 */
export function parseChallenges(
  header: string | null | undefined,
): AuthChallenge[] {
  const text = header ?? '';
  const challenges: AuthChallenge[] = [];
  let pos = 0;

  const skip = (chars: RegExp) => {
    while (pos < text.length && chars.test(text[pos])) pos++;
  };
  const token = (): string => {
    const start = pos;
    while (pos < text.length && TOKEN_CHAR.test(text[pos])) pos++;
    return text.slice(start, pos);
  };
  const bare = (): string => {
    const start = pos;
    while (pos < text.length && !/[\s,]/.test(text[pos])) pos++;
    return text.slice(start, pos);
  };
  const quoted = (): string => {
    pos++; // opening quote
    let out = '';
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\' && pos + 1 < text.length) pos++;
      out += text[pos++];
    }
    pos++; // closing quote
    return out;
  };

  while (pos < text.length) {
    skip(/[\s,]/);
    const scheme = token();
    if (!scheme) {
      pos++;
      continue;
    }
    const challenge: AuthChallenge = {
      scheme: scheme.toLowerCase(),
      params: {},
    };
    challenges.push(challenge);
    // `Negotiate abc==`: a token68 instead of parameters; kept out of params, not a new scheme.
    const token68 = /^ +([A-Za-z0-9._~+/-]+=*)[ \t]*(?:,|$)/.exec(
      text.slice(pos),
    );
    if (token68) {
      pos += token68[0].length;
      continue;
    }
    for (;;) {
      skip(/[\s,]/);
      const mark = pos;
      const name = token();
      skip(/[ \t]/);
      if (!name || text[pos] !== '=') {
        // Not a parameter: the scheme of the next challenge starts here.
        pos = mark;
        break;
      }
      pos++; // '='
      skip(/[ \t]/);
      // Unquoted values should be tokens; some servers write URLs bare, so read up to a comma.
      const value = text[pos] === '"' ? quoted() : bare();
      challenge.params[name.toLowerCase()] = value;
    }
  }
  return challenges;
}
