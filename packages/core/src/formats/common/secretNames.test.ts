import { looksLikeSecretName } from './secretNames';

// One list for the two rules this one replaced (settings, and env-file variables from
// formats/env-template/secretLike.ts): every case of both still holds.
describe('looksLikeSecretName', () => {
  it.each([
    'api_key',
    'master_key',
    'OPENAI_API_KEY',
    'LITELLM_SALT_KEY',
    'LITELLM_MASTER_KEY',
    'HF_TOKEN',
    'CF_API_TOKEN',
    'ADMINTOKEN',
    'redis_password',
    'MYSQL_ROOT_PASSWORD',
    'DBPASSWORD',
    'DB_PASS',
    'SMTP_PASSWD',
    'GPG_PASSPHRASE',
    'aws_secret_access_key',
    'AWS_SECRET_ACCESS_KEY',
    'APP_SECRET',
    'Client_Secret',
    'WEBUI_SECRET_KEY',
    'apiKey',
    'OPENAI_APIKEY',
    'vertex_credentials',
    'DATABASE_URL',
    'PG_DATABASE_URL',
    'REDIS_URL',
    'SENTRY_DSN',
    // Judged secret by the env-file rule only, before the two rules became one: hidden now.
    'key',
    'cache_key',
  ])('%s is secret-looking', name => {
    expect(looksLikeSecretName(name)).toBe(true);
  });

  it.each([
    'max_tokens',
    'model',
    'api_base',
    'CUDA_VISIBLE_DEVICES',
    'HSA_OVERRIDE_GFX_VERSION',
    'bypass',
    'tpm',
    'TOKENIZERS_PARALLELISM',
    'KEYBOARD_LAYOUT',
    'MONKEY_MODE',
    'SSH_AUTH_SOCK',
    'PWD',
    'OLDPWD',
    'WEBUI_AUTH',
    'AUTH_GOOGLE_ENABLED',
    'ENABLE_SIGNUP',
    'OPENAI_API_BASE_URL',
    'EMAIL_SMTP_HOST',
    'SSH_PUBLIC_KEY',
    'PUBLIC_URL',
  ])('%s is not', name => {
    expect(looksLikeSecretName(name)).toBe(false);
  });

  it('is the union of both former rules: a qualified key stays secret in a "public" name, counts are not tokens', () => {
    expect(looksLikeSecretName('PUBLIC_API_KEY')).toBe(true);
    expect(looksLikeSecretName('--api-key')).toBe(true);
    expect(looksLikeSecretName('ssl-key-file')).toBe(true);
    expect(looksLikeSecretName('GITHUB_TOKENS')).toBe(true);
    expect(looksLikeSecretName('max_input_tokens')).toBe(false);
    expect(looksLikeSecretName('PUBLIC_KEY')).toBe(false);
  });
});
