import { readFileSync } from 'fs';
import { join } from 'path';
import { readLlamaSwap } from './index';

function fixture(name: string) {
  return readLlamaSwap({
    path: `home/dot_config/llama-swap/${name}`,
    content: readFileSync(join(__dirname, '__fixtures__', name)),
  });
}

function fromText(text: string) {
  return readLlamaSwap({ path: 'llama-swap.yaml', content: Buffer.from(text) });
}

describe('modelLlamaSwap on a realistic config', () => {
  const { config, diagnostics } = fixture('llama-swap.yaml');

  it('reads cleanly', () => {
    expect(diagnostics).toEqual([]);
  });

  it('reads the top-level settings with their lines', () => {
    expect(config.healthCheckTimeout).toEqual({
      value: 600,
      line: 2,
      defaulted: false,
    });
    expect(config.startPort).toEqual({
      value: 10001,
      line: 4,
      defaulted: false,
    });
    expect(config.logLevel.value).toBe('info');
    expect(config.globalTTL).toEqual({ value: 0, line: 0, defaulted: true });
    expect(config.macros.map(macro => [macro.name, macro.line])).toEqual([
      ['server', 7],
      ['strix-flags', 9],
      ['models_dir', 14],
    ]);
  });

  it('lists the models in file order with ports assigned in sorted id order', () => {
    expect(
      config.models.map(model => [model.id, model.line, model.port]),
    ).toEqual([
      ['qwen3-4b', 17, 10003],
      ['gpt-oss-120b', 30, 10001],
      ['qwen3-30b', 46, 10002],
      ['qwen3-embedding', 55, 10004],
    ]);
  });

  it('expands macros and splits a literal block with comments into argv', () => {
    const cmd = config.models[0].cmd!;
    expect(cmd.line).toBe(18);
    expect(cmd.raw).toContain('${server}');
    expect(cmd.program).toBe('/app/llama-server');
    expect(cmd.argv.slice(0, 7)).toEqual([
      '/app/llama-server',
      '--port',
      '10003',
      '--model',
      '/models/qwen3-4b/Qwen3-4B-Q8_0.gguf',
      '--ctx-size',
      '32768',
    ]);
    expect(cmd.flags).toMatchObject({
      '--no-mmap': true,
      '-fa': 'on',
      '-ngl': '999',
      '--batch-size': '4096',
      '--cache-type-k': 'q8_0',
      '--jinja': true,
      '--cache-reuse': '256',
      '--threads': '12',
    });
  });

  it('reads a folded block with a quoted JSON argument and a model-level macro', () => {
    const model = config.models[1];
    expect(model.macros).toEqual([{ name: 'ctx', value: '65536', line: 32 }]);
    expect(model.cmd!.flags['--ctx-size']).toBe('65536');
    expect(model.cmd!.flags['--chat-template-kwargs']).toBe(
      '{"reasoning_effort": "high"}',
    );
  });

  it('reads backslash continuations', () => {
    const flags = config.models[3].cmd!.flags;
    expect(flags['--embedding']).toBe(true);
    expect(flags['--pooling']).toBe('last');
    expect(flags['--port']).toBe('10004');
  });

  it('expands the proxy and reads its endpoint', () => {
    expect(config.models[0].proxy).toEqual({
      raw: 'http://127.0.0.1:${PORT}',
      expanded: 'http://127.0.0.1:10003',
      defaulted: false,
      line: 25,
      endpoint: {
        scheme: 'http',
        host: '127.0.0.1',
        port: 10003,
        explicitPort: true,
        path: '/',
        url: 'http://127.0.0.1:10003',
      },
    });
  });

  it('reads ttl, aliases in both spellings, unlisted and checkEndpoint', () => {
    const [task, heavy, coder, embedding] = config.models;
    expect(task.ttl).toEqual({ value: 0, line: 26, defaulted: false });
    expect(embedding.ttl).toEqual({ value: -1, line: 0, defaulted: true });
    expect(heavy.aliases).toEqual([{ id: 'local-heavy', line: 41 }]);
    expect(coder.aliases).toEqual([
      {
        id: 'qwen3-30b-coder',
        line: 51,
        name: 'Qwen3 30B Coder',
        unlisted: false,
      },
    ]);
    expect(embedding.unlisted).toBe(true);
    expect(embedding.checkEndpoint).toBe('/health');
  });

  it('keeps env names but not secret-looking values', () => {
    expect(config.models[1].env).toEqual([
      { name: 'HSA_OVERRIDE_GFX_VERSION', value: '11.0.0', line: 43 },
      { name: 'HF_TOKEN', line: 44 },
    ]);
    expect(JSON.stringify(config)).not.toContain('hf_not_a_real_token');
  });

  it('reads legacy groups with their defaults and marks membership on models', () => {
    expect(config.routing.form).toBe('legacy');
    expect(config.routing.router).toBe('group');
    expect(
      config.routing.groups.map(group => [
        group.id,
        group.swap,
        group.exclusive,
        group.persistent,
      ]),
    ).toEqual([
      ['task', true, false, true],
      ['heavy', true, true, false],
      ['embeddings', false, false, false],
    ]);
    expect(config.routing.groups[1].members).toEqual([
      { id: 'gpt-oss-120b', line: 79 },
      { id: 'qwen3-30b', line: 80 },
    ]);
    expect(config.models.map(model => model.group)).toEqual([
      'task',
      'heavy',
      'heavy',
      'embeddings',
    ]);
  });

  it('reads the preload hook', () => {
    expect(config.preload).toEqual([{ id: 'local-task', line: 89 }]);
  });
});

describe('modelLlamaSwap diagnostics', () => {
  const { config, diagnostics } = fixture('broken.yaml');
  const codes = diagnostics.map(d => [d.line, d.severity, d.code]);

  it('reports each problem once with its line', () => {
    expect(codes).toEqual([
      [17, 'error', 'llama-swap/duplicate-model-id'],
      [30, 'info', 'llama-swap/unknown-key'],
      [2, 'error', 'llama-swap/invalid-macro'],
      [3, 'error', 'llama-swap/invalid-macro'],
      [11, 'error', 'llama-swap/invalid-ttl'],
      [15, 'error', 'llama-swap/missing-cmd'],
      [6, 'error', 'llama-swap/unknown-macro'],
      [8, 'error', 'llama-swap/port-in-proxy-only'],
      [14, 'error', 'llama-swap/port-in-proxy-only'],
      [13, 'error', 'llama-swap/unterminated-quote'],
      [10, 'error', 'llama-swap/duplicate-alias'],
      [10, 'warning', 'llama-swap/alias-shadowed'],
      [21, 'warning', 'llama-swap/unknown-group-member'],
      [23, 'error', 'llama-swap/member-in-several-groups'],
      [23, 'error', 'llama-swap/duplicate-group-member'],
      [29, 'warning', 'llama-swap/unknown-preload'],
      [25, 'warning', 'llama-swap/literal-secret'],
    ]);
  });

  it('words the messages for the person fixing the file', () => {
    const message = (code: string) =>
      diagnostics.find(d => d.code === `llama-swap/${code}`)?.message;
    expect(message('duplicate-model-id')).toBe(
      'model "alpha" is already defined on line 5; llama-swap refuses the file',
    );
    expect(message('unknown-macro')).toBe(
      'unknown macro "${missing}" in alpha.cmd; llama-swap refuses the file',
    );
    expect(message('duplicate-alias')).toBe(
      'alias "shared" of model "beta" is already an alias of "alpha"; llama-swap refuses the file',
    );
    expect(message('member-in-several-groups')).toBe(
      'model "alpha" is in group "one" and in group "two"; llama-swap refuses the file',
    );
    expect(message('invalid-macro')).toBe(
      'macro name "PORT" is reserved by llama-swap',
    );
  });

  it('models the first definition of a repeated id and keeps no literal key', () => {
    expect(config.models.map(model => model.id)).toEqual([
      'alpha',
      'beta',
      'gamma',
      'delta',
    ]);
    expect(config.models[0].cmd!.raw).toContain('${missing}');
    expect(config.apiKeys).toEqual([
      { kind: 'literal', line: 25 },
      { kind: 'env', name: 'LLAMA_SWAP_KEY', line: 26 },
    ]);
    expect(config.envReferences).toEqual([
      { name: 'LLAMA_SWAP_KEY', line: 26 },
    ]);
    expect(JSON.stringify(config)).not.toContain('sk-literal-not-real');
  });
});

describe('modelLlamaSwap routing', () => {
  it('reads the routing.router form with group settings', () => {
    const { config, diagnostics } = fixture('routing.yaml');
    expect(diagnostics).toEqual([]);
    expect(config.routing).toMatchObject({
      form: 'routing',
      router: 'group',
      line: 9,
    });
    expect(
      config.routing.groups.map(group => [
        group.id,
        group.swap,
        group.exclusive,
        group.persistent,
        group.members.map(m => m.id),
      ]),
    ).toEqual([
      ['main', true, true, false, ['llama', 'qwen']],
      ['speech', false, false, true, ['voice']],
    ]);
    expect(config.models.find(model => model.id === 'voice')?.group).toBe(
      'speech',
    );
  });

  it('reads a matrix and checks its variables and sets', () => {
    const { config, diagnostics } = fixture('matrix.yaml');
    expect(config.routing.router).toBe('matrix');
    expect(config.routing.matrix?.vars.map(v => [v.name, v.model])).toEqual([
      ['g', 'gemma'],
      ['q', 'qwen'],
      ['v', 'voice'],
      ['x', 'nowhere'],
    ]);
    expect(config.routing.matrix?.evictCosts).toEqual([
      { name: 'v', cost: 50, line: 19 },
    ]);
    expect(config.routing.matrix?.sets[1]).toEqual({
      name: 'standard',
      expression: '+llms & v',
      variables: ['v'],
      sets: ['llms'],
      line: 22,
    });
    expect(diagnostics.map(d => [d.line, d.code])).toEqual([
      [17, 'llama-swap/matrix-var-not-a-model'],
      [23, 'llama-swap/unknown-matrix-var'],
      [23, 'llama-swap/unknown-matrix-set'],
    ]);
  });

  it('refuses the two spellings together', () => {
    const { diagnostics } = fromText(
      'models:\n  a:\n    cmd: s --port ${PORT}\ngroups:\n  g:\n    members: [a]\nrouting:\n  router:\n    use: group\n',
    );
    expect(diagnostics.map(d => d.code)).toEqual([
      'llama-swap/legacy-and-routing',
    ]);
  });

  it('names an unknown router', () => {
    const { diagnostics } = fromText(
      'models: {}\nrouting:\n  router:\n    use: fancy\n',
    );
    expect(diagnostics.map(d => [d.line, d.code])).toEqual([
      [4, 'llama-swap/unknown-router'],
    ]);
  });
});

describe('modelLlamaSwap on odd input', () => {
  it('explains a default proxy that needs ${PORT}', () => {
    const { diagnostics } = fromText(
      'models:\n  a:\n    cmd: server --port 9000\n',
    );
    expect(diagnostics).toEqual([
      {
        file: 'llama-swap.yaml',
        line: 2,
        severity: 'error',
        code: 'llama-swap/port-in-proxy-only',
        message:
          'model "a" sets no proxy, so llama-swap uses http://localhost:${PORT}, but its cmd does not use ${PORT}; set proxy to the port the server listens on',
      },
    ]);
  });

  it('uses merge keys for shared model settings', () => {
    const { config, diagnostics } = fromText(
      'x-defaults: &d\n  ttl: 300\n  proxy: http://127.0.0.1:${PORT}\nmodels:\n  a:\n    <<: *d\n    cmd: s --port ${PORT}\n',
    );
    expect(config.models[0].ttl.value).toBe(300);
    expect(config.models[0].proxy.expanded).toBe('http://127.0.0.1:5800');
    expect(diagnostics.map(d => d.code)).toEqual(['llama-swap/unknown-key']);
  });

  it.each([
    '',
    '# only a comment\n',
    '- a\n- b\n',
    'models: [1, 2]\n',
    'models:\n  a: 3\n',
    ': :\n  - ][',
  ])('never throws on %j', text => {
    const { config, diagnostics } = fromText(text);
    expect(config.file).toBe('llama-swap.yaml');
    expect(
      diagnostics.every(d => d.file === 'llama-swap.yaml' && d.line >= 0),
    ).toBe(true);
  });
});
