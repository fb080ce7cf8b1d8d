const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'password',
  'passwd',
  'pass',
  'token',
  'credential',
  'credentials',
  'apikey',
]);

const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'master',
  'salt',
  'signing',
  'encryption',
  'auth',
  'client',
  'service',
  'license',
  'admin',
]);

/**
 * Names repeat (every unit has `Image=`, `Label=`…), so answers are remembered; the memory is
 * capped so that no input makes it grow without bound.
 */
const MAX_REMEMBERED = 4096;
const MAX_REMEMBERED_LENGTH = 64;
const remembered = new Map<string, boolean>();

/**
 * A copy of `text` that points into no other string: a name sliced from a file would keep
 * the whole file alive for as long as it is remembered.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Whether a setting or variable name suggests its value is a secret (API keys, tokens,
 * passwords, salts, credentials). Used to keep such values out of every model: only the
 * name and where it came from are recorded.
 */
export function looksLikeSecretName(name: string): boolean {
  if (name.length > MAX_REMEMBERED_LENGTH) return judge(name);
  let known = remembered.get(name);
  if (known === undefined) {
    known = judge(name);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(ownCopy(name), known);
  }
  return known;
}

function judge(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(word => word.length > 0);
  return words.some(
    (word, index) =>
      SECRET_WORDS.has(word) ||
      // `api_key`, `master_key`, `salt_key`, `access_key`, but not `cache_key` or `key_prefix` alone.
      (word === 'key' && index > 0 && KEY_QUALIFIERS.has(words[index - 1])) ||
      /^(api|access|secret|private|master|salt|signing)key$/.test(word),
  );
}
