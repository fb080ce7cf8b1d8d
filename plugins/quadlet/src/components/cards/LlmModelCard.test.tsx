import { screen, within } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { LlmModelCard, serverFlags } from './LlmModelCard';

describe('serverFlags', () => {
  it('reads flag names, a flag/value list and a flag → value map', () => {
    expect(serverFlags(['--jinja', '-ngl'])).toEqual([
      { flag: '--jinja' },
      { flag: '-ngl' },
    ]);
    expect(
      serverFlags([
        { flag: '--ctx-size', value: '65536' },
        { flag: '--no-mmap' },
      ]),
    ).toEqual([
      { flag: '--ctx-size', value: '65536' },
      { flag: '--no-mmap', value: undefined },
    ]);
    expect(serverFlags({ '--ctx-size': '65536', '--no-mmap': true })).toEqual([
      { flag: '--ctx-size', value: '65536' },
      { flag: '--no-mmap', value: undefined },
    ]);
    expect(serverFlags(undefined)).toEqual([]);
  });
});

describe('LlmModelCard', () => {
  it('shows aliases, group, TTL, proxy and the serving component', async () => {
    renderCard(<LlmModelCard />, fixtures.model);
    const serving = within(
      await screen.findByRole('region', { name: 'Serving' }),
    );
    expect(serving.getByText('gpt-oss-120b')).toBeInTheDocument();
    expect(serving.getByRole('link', { name: 'local-heavy' })).toHaveAttribute(
      'href',
      '/catalog/sodimo/resource/local-heavy.alias',
    );
    expect(serving.getByText('heavy')).toBeInTheDocument();
    expect(serving.getByText('600 s idle, then unloaded')).toBeInTheDocument();
    expect(serving.getByText('http://127.0.0.1:10001')).toBeInTheDocument();
    expect(serving.queryByText('not loopback')).not.toBeInTheDocument();
    expect(
      serving.getByRole('link', { name: 'llama-swap.container' }),
    ).toHaveAttribute('href', '/catalog/sodimo/component/llama-swap');
  });

  it('lists the server flags', async () => {
    renderCard(<LlmModelCard />, fixtures.model);
    const flags = within(
      await screen.findByRole('region', { name: 'Server flags' }),
    );
    expect(flags.getByText('--ctx-size')).toBeInTheDocument();
    expect(flags.getByText('--cache-reuse')).toBeInTheDocument();
    expect(
      flags.getByText(
        'Flag values are not in the catalog: the provider records flag names only.',
      ),
    ).toBeInTheDocument();
  });

  it('shows flag values in a table when the provider records them', async () => {
    const spec = fixtures.model.spec as { quadlet: object };
    renderCard(<LlmModelCard />, {
      ...fixtures.model,
      spec: {
        ...fixtures.model.spec,
        quadlet: {
          ...spec.quadlet,
          flags: [{ flag: '--ctx-size', value: '131072' }],
        },
      },
    });
    expect(
      await screen.findByRole('columnheader', { name: 'Value' }),
    ).toBeInTheDocument();
    expect(screen.getByText('131072')).toBeInTheDocument();
  });

  it('warns when proxy: leaves the loopback', async () => {
    renderCard(<LlmModelCard />, fixtures.qwen30b);
    expect(
      await screen.findByText('http://llama-swap:10002'),
    ).toBeInTheDocument();
    expect(screen.getByText('not loopback')).toBeInTheDocument();
  });
});
