import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { LlmAliasCard } from './LlmAliasCard';

describe('LlmAliasCard', () => {
  it('shows the deployment resolving to the local model, the gateway and the fallback', async () => {
    renderCard(<LlmAliasCard />, fixtures.alias);
    expect(await screen.findByText('resolves')).toBeInTheDocument();
    expect(screen.getByText('openai/gpt-oss-120b')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'gpt-oss-120b' })).toHaveAttribute(
      'href',
      '/catalog/sodimo/resource/gpt-oss-120b.model',
    );
    expect(
      screen.getByRole('link', { name: 'litellm.container' }),
    ).toHaveAttribute('href', '/catalog/sodimo/component/litellm');
    expect(
      screen.getByRole('link', { name: 'claude-opus-4-7' }),
    ).toHaveAttribute('href', '/catalog/sodimo/resource/claude-opus-4-7.alias');
  });

  it('shows why a deployment does not resolve', async () => {
    const spec = fixtures.alias.spec as { quadlet: { deployments: object[] } };
    const entity: Entity = {
      ...fixtures.alias,
      spec: {
        ...fixtures.alias.spec,
        quadlet: {
          ...spec.quadlet,
          resolved: false,
          deployments: [
            {
              model: 'openai/qwen3-235b',
              envNames: [],
              resolution: {
                kind: 'unresolved',
                reason: 'no llama-swap model "qwen3-235b"',
              },
              source: {
                tree: 'dotfiles',
                path: 'home/dot_config/litellm/litellm.yaml',
                line: 16,
              },
            },
          ],
        },
      },
    };
    renderCard(<LlmAliasCard />, entity);
    expect(await screen.findByText('does not resolve')).toBeInTheDocument();
    expect(
      screen.getByText('unresolved: no llama-swap model "qwen3-235b"'),
    ).toBeInTheDocument();
  });
});
