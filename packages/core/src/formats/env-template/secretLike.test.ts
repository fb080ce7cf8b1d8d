import { isSecretLikeName } from './secretLike';

describe('isSecretLikeName', () => {
  it.each([
    'OPENAI_API_KEY',
    'LITELLM_MASTER_KEY',
    'APP_SECRET',
    'CF_API_TOKEN',
    'MYSQL_ROOT_PASSWORD',
    'DB_PASS',
    'SMTP_PASSWD',
    'DBPASSWORD',
    'ADMINTOKEN',
    'OPENAI_APIKEY',
    'DATABASE_URL',
    'PG_DATABASE_URL',
    'REDIS_URL',
    'AWS_SECRET_ACCESS_KEY',
    'GPG_PASSPHRASE',
    'SENTRY_DSN',
    'api_key',
    'Client_Secret',
  ])('%s is secret-like', name => {
    expect(isSecretLikeName(name)).toBe(true);
  });

  it.each([
    'TOKENIZERS_PARALLELISM',
    'KEYBOARD_LAYOUT',
    'SSH_AUTH_SOCK',
    'PWD',
    'OLDPWD',
    'WEBUI_AUTH',
    'AUTH_GOOGLE_ENABLED',
    'ENABLE_SIGNUP',
    'OPENAI_API_BASE_URL',
    'SSH_PUBLIC_KEY',
    'EMAIL_SMTP_HOST',
    'PUBLIC_URL',
    'MONKEY_MODE',
  ])('%s is not secret-like', name => {
    expect(isSecretLikeName(name)).toBe(false);
  });
});
