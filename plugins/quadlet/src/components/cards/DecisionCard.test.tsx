import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { DecisionCard, recordStatusTone } from './DecisionCard';

describe('recordStatusTone', () => {
  it('reads settled, open and retired records', () => {
    expect(recordStatusTone('Accepted')).toBe('positive');
    expect(recordStatusTone('Accepted (being rolled out)')).toBe('warning');
    expect(recordStatusTone('Proposed')).toBe('warning');
    expect(recordStatusTone('Superseded by D-170')).toBe('negative');
  });
});

describe('DecisionCard', () => {
  it('shows a defined record with its status, title and where it is recorded', async () => {
    renderCard(<DecisionCard />, fixtures.d106);
    expect(
      await screen.findByText(
        'D-106 · Keep the Piler mail archive indefinitely',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('recorded')).toBeInTheDocument();
    expect(screen.getByText('Accepted')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'harness:docs/decisions.md:15' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sodimo/harness/blob/main/docs/decisions.md#L15',
    );
    expect(
      screen.getByText(
        "The record's text is not in the catalog: open it at the place above.",
      ),
    ).toBeInTheDocument();
  });

  it('renders the record text as Markdown when the provider carries it', async () => {
    const spec = fixtures.d106.spec as { quadlet: object };
    const entity: Entity = {
      ...fixtures.d106,
      spec: {
        ...fixtures.d106.spec,
        quadlet: {
          ...spec.quadlet,
          text: 'The archive answers **what did we tell** a customer.',
        },
      },
    };
    renderCard(<DecisionCard />, entity);
    expect(await screen.findByText('what did we tell')).toContainHTML('strong');
  });

  it('warns that a cited-only decision was never recorded', async () => {
    renderCard(<DecisionCard />, fixtures.d171);
    expect(
      await screen.findByText('D-171 is cited but never recorded'),
    ).toBeInTheDocument();
    expect(screen.getByText('cited only')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Text' }),
    ).not.toBeInTheDocument();
  });
});
