/**
 * One rule for "does this name say its value is a secret", for settings (`api_key`,
 * `litellm_params.master_key`), variables (`OPENAI_API_KEY`, `DB_PASS`), flags (`--api-key`) and
 * label keys. It is the union of the two rules the format readers used to have (one for
 * settings, one for env-file variables): a name either judged secret is secret, so a value shown
 * before may now be hidden, never the reverse. The one narrowing: `tokens` after a count word
 * (`max_tokens`, `max_input_tokens`) is a number, not credentials.
 */

/** Words that mark a secret wherever they stand (`DB_PASS`, `vertex_credentials`, `HF_TOKEN`). */
const ALWAYS_SECRET = new Set([
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

/** `api_key`, `master_key`, `salt_key`: a key so qualified is secret even in a "public" name. */
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

/** Words that mark a secret unless the name is a known exception (`SSH_PUBLIC_KEY`, `PWD`). */
const SECRET_WORDS = new Set([
  'key',
  'keys',
  'tokens',
  'passwords',
  'pwd',
  'passphrase',
  'creds',
  'private',
  'salt',
  'pepper',
  'dsn',
  'cookie',
  'bearer',
  'otp',
  'totp',
  'pin',
  'signature',
]);

/** Joined spellings: `apiKey` written as one word (`APIKEY`, `masterkey`). */
const JOINED_KEY = /^(api|access|secret|private|master|salt|signing)key$/;

/** Substrings that mark a secret even inside a word (`DBPASSWORD`, `MYSECRET`, `ADMINTOKEN`). */
const SECRET_INFIXES = /password|passwd|secret|apikey|privatekey|token$/;

/** Connection URLs whose userinfo usually carries a password (`DATABASE_URL`, `REDIS_URL`). */
const CONNECTION_URL =
  /(?:^|_)(?:db|database|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|redis|amqp|rabbitmq|smtp)_(?:url|uri)$|(?:^|_)connection_string$/;

/** Names that hold a secret word but are well known not to be secrets. */
const NOT_SECRET = new Set(['pwd', 'oldpwd', 'gpg_tty', 'ssh_auth_sock']);

/** Words before `tokens` that make it a count (`max_tokens`), not credentials. */
const TOKEN_COUNTS = new Set([
  'max',
  'min',
  'num',
  'total',
  'input',
  'output',
  'prompt',
  'completion',
  'context',
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
 * Whether a setting, variable or flag name suggests its value is a secret (API keys, tokens,
 * passwords, salts, credentials, connection URLs). Used to keep such values out of every
 * model: only the name and where it came from are recorded. Judged on the name only, word by
 * word (`_`, `-`, `.` and camelCase separate words), so `TOKENIZERS_PARALLELISM`, `KEYBOARD`,
 * `SSH_AUTH_SOCK` and `SSH_PUBLIC_KEY` are not secrets while `OPENAI_API_KEY`, `DB_PASS`,
 * `ADMINTOKEN` and `DATABASE_URL` are.
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
  const lower = name.toLowerCase();
  // Words split at `_`, `-`, `.`, and also at camelCase humps: a word found either way counts.
  const spellings = [
    lower.split(/[^a-z0-9]+/),
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/),
  ].map(words => words.filter(word => word.length > 0));
  const anyWord = (test: (word: string, previous?: string) => boolean) =>
    spellings.some(words => words.some((word, i) => test(word, words[i - 1])));

  if (
    anyWord(
      (word, previous) =>
        ALWAYS_SECRET.has(word) ||
        JOINED_KEY.test(word) ||
        (word === 'key' && previous !== undefined && KEY_QUALIFIERS.has(previous)),
    )
  )
    return true;
  if (NOT_SECRET.has(lower)) return false;
  // A public key, or a key's id, names something that is not itself secret.
  if (anyWord(word => word === 'public')) return false;
  return (
    anyWord(
      (word, previous) =>
        SECRET_WORDS.has(word) &&
        // `max_tokens` counts tokens; it holds none.
        !(word === 'tokens' && previous !== undefined && TOKEN_COUNTS.has(previous)),
    ) ||
    SECRET_INFIXES.test(lower) ||
    CONNECTION_URL.test(lower)
  );
}
