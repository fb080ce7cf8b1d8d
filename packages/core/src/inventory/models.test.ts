import { readBox } from './readBox';

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

describe('models and aliases', () => {
  const inventory = readBox([
    {
      name: 'home',
      role: 'dotfiles',
      files: [
        file(
          '.config/containers/systemd/swap.container',
          '[Container]\nImage=ghcr.io/mostlygeek/llama-swap:cuda\nContainerName=swap\nPublishPort=127.0.0.1:9292:8080\n',
        ),
        file(
          '.config/containers/systemd/gw.container',
          '[Container]\nImage=ghcr.io/berriai/litellm:v1.2.3\n',
        ),
        file(
          '.config/llama-swap/llama-swap.yaml',
          'models:\n  small:\n    aliases: [tiny]\n    cmd: /app/llama-server --model /m/small.gguf --port ${PORT}\n',
        ),
        file(
          '.config/litellm/config.yaml',
          [
            'model_list:',
            '  - model_name: by-alias',
            '    litellm_params: { model: openai/tiny, api_base: "http://swap:8080/v1" }',
            '  - model_name: by-port',
            '    litellm_params: { model: openai/small, api_base: "http://127.0.0.1:9292/v1" }',
            '  - model_name: unknown-model',
            '    litellm_params: { model: openai/huge, api_base: "http://swap:8080/v1" }',
            '  - model_name: elsewhere',
            '    litellm_params: { model: openai/x, api_base: "https://api.together.xyz/v1" }',
            '  - model_name: nowhere',
            '    litellm_params: { model: openai/x, api_base: "http://ghost:1234" }',
            '  - model_name: from-env',
            '    litellm_params: { model: openai/x, api_base: os.environ/BASE }',
            '  - model_name: inferred',
            '    litellm_params: { model: claude-3-haiku }',
            '',
          ].join('\n'),
        ),
      ],
    },
  ]);
  const resolution = (name: string) =>
    inventory.aliases.find(a => a.name === name)!.deployments[0].resolution;

  it('ties models to the container running the llama-swap image when none mounts the config', () => {
    expect(inventory.models).toEqual([
      expect.objectContaining({
        id: 'small',
        aliases: ['tiny'],
        server: expect.objectContaining({
          name: 'swap.container',
          reason: 'image',
        }),
      }),
    ]);
    expect(inventory.models[0].cmdFlags).toEqual(['--model', '--port']);
    expect(inventory.models[0].cmdArgs).toEqual([
      { flag: '--model', value: '/m/small.gguf' },
      { flag: '--port', value: '5800' },
    ]);
    expect(inventory.models[0].cmdLine).toBe(4);
    expect(inventory.models[0].proxyLine).toBeUndefined();
    expect(inventory.aliases[0].gateway).toEqual(
      expect.objectContaining({ name: 'gw.container', reason: 'image' }),
    );
  });

  it('resolves aliases by model alias, by published port, to endpoints and providers', () => {
    expect(resolution('by-alias')).toMatchObject({
      kind: 'local',
      model: 'small',
      via: 'alias',
    });
    expect(resolution('by-port')).toMatchObject({
      kind: 'local',
      model: 'small',
      via: 'id',
      server: { name: 'swap.container' },
    });
    expect(resolution('unknown-model')).toEqual({
      kind: 'unresolved',
      reason: 'swap.container serves no llama-swap model or alias named huge',
    });
    expect(resolution('elsewhere')).toEqual({
      kind: 'endpoint',
      url: 'https://api.together.xyz/v1',
    });
    expect(resolution('nowhere')).toEqual({
      kind: 'unresolved',
      reason: 'api_base host ghost is no container of the box',
    });
    expect(resolution('from-env')).toEqual({
      kind: 'endpoint',
      url: 'os.environ/BASE',
    });
    expect(resolution('inferred')).toEqual({
      kind: 'cloud',
      provider: 'anthropic',
    });
    expect(inventory.aliases.filter(a => !a.resolved).map(a => a.name)).toEqual(
      ['unknown-model', 'nowhere'],
    );
  });

  it('keeps flag values and the lines of proxy: and cmd:, but no secret value', () => {
    const [model] = readBox([
      {
        name: 'home',
        files: [
          file(
            'llama-swap.yaml',
            [
              'models:',
              '  m:',
              '    proxy: http://user:pw@127.0.0.1:${PORT}',
              '    cmd: >',
              '      /app/llama-server --no-mmap -ngl 999 --api-key sk-abc123',
              '      --hf-token=hf_xyz --log-file postgres://u:p@db/x --port ${PORT}',
              '',
            ].join('\n'),
          ),
        ],
      },
    ]).models;
    expect(model.proxyLine).toBe(3);
    expect(model.cmdLine).toBe(4);
    expect(model.cmdArgs).toEqual([
      { flag: '--no-mmap' },
      { flag: '-ngl', value: '999' },
      { flag: '--api-key' },
      { flag: '--hf-token' },
      { flag: '--log-file', value: 'postgres://db/x' },
      { flag: '--port', value: '5800' },
    ]);
    expect(JSON.stringify(model)).not.toMatch(/sk-abc123|hf_xyz|u:p@|user:pw/);
  });
});
