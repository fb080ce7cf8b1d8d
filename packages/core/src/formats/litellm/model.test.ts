import { readFileSync } from 'fs';
import { join } from 'path';
import { readLiteLlm } from './index';

function fixture(name: string) {
  return readLiteLlm({
    path: `home/dot_config/litellm/${name}`,
    content: readFileSync(join(__dirname, '__fixtures__', name)),
  });
}

function fromText(text: string) {
  return readLiteLlm({ path: 'config.yaml', content: Buffer.from(text) });
}

describe('modelLiteLlm on a gateway config', () => {
  const { config, diagnostics } = fixture('litellm.yaml');

  it('reads cleanly', () => {
    expect(diagnostics).toEqual([]);
  });

  it('maps aliases to provider and model, keeping load-balanced duplicates', () => {
    expect(config.aliases).toEqual([
      'local-task',
      'local-heavy',
      'local-embeddings',
      'claude-opus-4-7',
      'gpt-5',
    ]);
    expect(
      config.deployments.map(d => [
        d.alias,
        d.line,
        d.target?.provider,
        d.target?.model,
      ]),
    ).toEqual([
      ['local-task', 3, 'openai', 'qwen3-4b'],
      ['local-heavy', 8, 'openai', 'gpt-oss-120b'],
      ['local-embeddings', 12, 'openai', 'qwen3-embedding'],
      ['claude-opus-4-7', 16, 'anthropic', 'claude-opus-4-7'],
      ['gpt-5', 20, 'openai', 'gpt-5'],
      ['gpt-5', 26, 'azure', 'gpt-5'],
    ]);
    expect(config.deployments[4].id).toBe('gpt-5-primary');
  });

  it('reads api_base as host and port, or as an environment variable name', () => {
    expect(config.deployments[0].apiBase).toEqual({
      line: 6,
      endpoint: {
        scheme: 'http',
        host: 'llama-swap',
        port: 8080,
        explicitPort: true,
        path: '/v1',
        url: 'http://llama-swap:8080/v1',
      },
    });
    expect(config.deployments[2].apiBase).toEqual({
      env: 'LLAMA_SWAP_BASE',
      line: 15,
    });
    expect(config.deployments[5].apiBase?.endpoint?.port).toBe(443);
  });

  it('does not call a dummy key for a local server a secret, but records that a literal is there', () => {
    expect(config.deployments[0].apiKey).toEqual({ kind: 'literal', line: 7 });
  });

  it('keeps api keys as variable names only', () => {
    expect(config.deployments[3].apiKey).toEqual({
      kind: 'env',
      name: 'ANTHROPIC_API_KEY',
      line: 19,
    });
    expect(config.masterKey).toEqual({
      kind: 'env',
      name: 'LITELLM_MASTER_KEY',
      line: 52,
    });
    expect(config.databaseUrl).toEqual({
      kind: 'env',
      name: 'DATABASE_URL',
      line: 53,
    });
    expect(
      config.envReferences.map(ref => [ref.name, ref.setting, ref.line]),
    ).toEqual([
      ['LLAMA_SWAP_BASE', 'model_list.litellm_params.api_base', 15],
      ['ANTHROPIC_API_KEY', 'model_list.litellm_params.api_key', 19],
      ['OPENAI_API_KEY', 'model_list.litellm_params.api_key', 23],
      ['AZURE_API_KEY', 'model_list.litellm_params.api_key', 31],
      ['LITELLM_MASTER_KEY', 'general_settings.master_key', 52],
      ['DATABASE_URL', 'general_settings.database_url', 53],
    ]);
  });

  it('builds the fallback graph from both settings sections', () => {
    expect(config.fallbacks).toEqual([
      {
        kind: 'fallbacks',
        section: 'router_settings',
        from: 'local-heavy',
        to: ['claude-opus-4-7'],
        line: 38,
      },
      {
        kind: 'context_window_fallbacks',
        section: 'router_settings',
        from: 'local-task',
        to: ['local-heavy', 'gpt-5'],
        line: 40,
      },
      {
        kind: 'default_fallbacks',
        section: 'litellm_settings',
        to: ['claude-opus-4-7'],
        line: 49,
      },
    ]);
  });

  it('reads cache and router settings', () => {
    expect(config.cache).toEqual({
      enabled: true,
      type: 'redis',
      ttl: 3600,
      line: 44,
    });
    expect(config.routerSettings).toEqual({
      routingStrategy: 'simple-shuffle',
      numRetries: 2,
      timeout: 600,
      line: 33,
    });
  });
});

describe('modelLiteLlm on a config with literal secrets and mistakes', () => {
  it('calls a connection URL without a password an address, not a literal secret', () => {
    const { diagnostics } = fromText(
      [
        'general_settings:',
        '  database_url: postgresql://litellm-db:5432/litellm',
        '  redis_url: redis://litellm-redis:6379',
        '  cache_key: literal-value',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map(d => [d.line, d.code])).toEqual([
      [4, 'litellm/literal-secret'],
    ]);
  });

  const { config, diagnostics } = fixture('leaky.yaml');

  it('warns about every literal secret without quoting it', () => {
    expect(diagnostics.map(d => [d.line, d.severity, d.code])).toEqual([
      [23, 'warning', 'litellm/duplicate-key'],
      [5, 'warning', 'litellm/literal-secret'],
      [18, 'warning', 'litellm/literal-secret'],
      [19, 'warning', 'litellm/credentials-in-url'],
      [21, 'warning', 'litellm/literal-secret'],
      [24, 'warning', 'litellm/literal-secret'],
      [10, 'error', 'litellm/missing-model-name'],
      [12, 'error', 'litellm/missing-model'],
      [15, 'warning', 'litellm/unknown-fallback-model'],
      [16, 'warning', 'litellm/unknown-fallback-model'],
    ]);
    const all = JSON.stringify({ config, diagnostics });
    for (const secret of [
      'sk-ant-not-a-real-key',
      'sk-1234-not-real',
      'hunter2-not-real',
      'sk-proj-not-real',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(diagnostics[1].message).toBe(
      'model_list.litellm_params.api_key is written literally in the file; use os.environ/NAME so the secret stays out of git',
    );
  });

  it('records that a literal was present, and treats templates as filled in elsewhere', () => {
    expect(config.deployments.map(d => [d.alias, d.apiKey?.kind])).toEqual([
      ['cloud', 'literal'],
      ['templated', 'template'],
      ['broken', undefined],
    ]);
    // PyYAML keeps the second general_settings, which has no database_url.
    expect(config.masterKey).toEqual({ kind: 'literal', line: 24 });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('names unknown fallback models', () => {
    expect(
      diagnostics
        .filter(d => d.code === 'litellm/unknown-fallback-model')
        .map(d => d.message),
    ).toEqual([
      'router_settings.fallbacks names "nowhere", which is not a model_name in model_list',
      'router_settings.fallbacks names "wildcard-x", which is not a model_name in model_list',
    ]);
  });
});

describe('modelLiteLlm odd cases', () => {
  it('accepts fallbacks into a wildcard model name', () => {
    const { diagnostics } = fromText(
      'model_list:\n  - model_name: "openai/*"\n    litellm_params: {model: "openai/*"}\nlitellm_settings:\n  fallbacks: [{"openai/gpt-5": ["openai/gpt-4o"]}]\n',
    );
    expect(diagnostics).toEqual([]);
  });

  it('reads include and a disabled cache', () => {
    const { config } = fromText(
      'include:\n  - models.yaml\nlitellm_settings:\n  cache: false\n',
    );
    expect(config.includes).toEqual([{ path: 'models.yaml', line: 2 }]);
    expect(config.cache).toEqual({ enabled: false, line: 4 });
  });

  it.each([
    '',
    'model_list: 3\n',
    '[1, 2]\n',
    'model_list:\n  - 3\n  - {model_name: x}\n',
    '{{ template }}: [\n',
  ])('never throws on %j', text => {
    const { config, diagnostics } = fromText(text);
    expect(config.file).toBe('config.yaml');
    expect(diagnostics.every(d => d.file === 'config.yaml')).toBe(true);
  });
});
