import { looksLikeSecretName } from './secretNames';

describe('looksLikeSecretName', () => {
  it.each([
    'api_key',
    'master_key',
    'OPENAI_API_KEY',
    'LITELLM_SALT_KEY',
    'HF_TOKEN',
    'redis_password',
    'DB_PASS',
    'aws_secret_access_key',
    'apiKey',
    'vertex_credentials',
    'WEBUI_SECRET_KEY',
  ])('%s is secret-looking', name => {
    expect(looksLikeSecretName(name)).toBe(true);
  });

  it.each([
    'max_tokens',
    'model',
    'api_base',
    'cache_key',
    'key',
    'CUDA_VISIBLE_DEVICES',
    'HSA_OVERRIDE_GFX_VERSION',
    'bypass',
    'tpm',
  ])('%s is not', name => {
    expect(looksLikeSecretName(name)).toBe(false);
  });
});
