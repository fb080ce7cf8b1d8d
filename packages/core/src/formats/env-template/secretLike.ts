/**
 * Does a variable's name say it holds a secret? Judged on the name only, word by word
 * (`_`-separated), so `TOKENIZERS_PARALLELISM`, `KEYBOARD` and `SSH_AUTH_SOCK` are not
 * secrets while `OPENAI_API_KEY`, `DB_PASS`, `ADMINTOKEN` and `DATABASE_URL` (connection
 * URLs usually embed a password) are.
 */
const SECRET_WORDS = new Set([
  'KEY',
  'KEYS',
  'APIKEY',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASS',
  'PWD',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'PRIVATE',
  'SALT',
  'PEPPER',
  'DSN',
  'COOKIE',
  'BEARER',
  'OTP',
  'TOTP',
  'PIN',
  'SIGNATURE',
]);

/** Substrings that mark a secret even inside a word (`DBPASSWORD`, `MYSECRET`, `ADMINTOKEN`). */
const SECRET_INFIXES = /PASSWORD|PASSWD|SECRET|APIKEY|PRIVATEKEY|TOKEN$/;

/** Connection URLs whose userinfo usually carries a password. */
const CONNECTION_URL =
  /(?:^|_)(?:DB|DATABASE|POSTGRES|POSTGRESQL|PG|MYSQL|MARIADB|MONGO|MONGODB|REDIS|AMQP|RABBITMQ|SMTP)_(?:URL|URI)$|(?:^|_)CONNECTION_STRING$/;

/** Names that contain a secret word but are well known not to be secrets. */
const NOT_SECRET = new Set(['PWD', 'OLDPWD', 'GPG_TTY', 'SSH_AUTH_SOCK']);

export function isSecretLikeName(name: string): boolean {
  const upper = name.toUpperCase();
  if (NOT_SECRET.has(upper)) return false;
  const words = upper.split(/[_.-]+/).filter(Boolean);
  // A public key or a key's id names something that is not itself secret.
  if (words.includes('PUBLIC') && !words.includes('SECRET')) return false;
  if (words.some(w => SECRET_WORDS.has(w))) return true;
  return SECRET_INFIXES.test(upper) || CONNECTION_URL.test(upper);
}
