import { render, screen } from '@testing-library/react';
import { describeTrend, TrendChart } from './TrendChart';

const series = [
  {
    name: 'sodimo',
    points: [
      { at: '2026-04-01T06:00:00Z', score: 0.6, runId: 1 },
      { at: '2026-04-08T06:00:00Z', score: null, runId: 2 },
      { at: '2026-04-15T06:00:00Z', score: 0.69, runId: 3 },
    ],
  },
  {
    name: 'bazzite',
    points: [{ at: '2026-04-15T06:00:00Z', score: 1, runId: 9 }],
  },
];

describe('TrendChart', () => {
  it('describes first and latest score of each series for screen readers', () => {
    expect(describeTrend(series)).toBe(
      'sodimo: 60% to 69% over 2 runs; bazzite: 100% in 1 run',
    );
    expect(describeTrend([{ name: 'x', points: [] }])).toBe(
      'x: no decided runs',
    );
  });

  it('draws a line per series with a point per decided run, and a legend', () => {
    render(<TrendChart series={series} title="Box score per run" />);
    const chart = screen.getByRole('img', { name: /^Box score per run\./ });
    const sodimo = chart.querySelector('[data-series="sodimo"]')!;
    expect(sodimo.querySelectorAll('circle')).toHaveLength(2);
    expect(sodimo.querySelector('path')!.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/,
    );
    // A single run is a point, not a line.
    const bazzite = chart.querySelector('[data-series="bazzite"]')!;
    expect(bazzite.querySelector('path')).toBeNull();
    expect(bazzite.querySelector('circle title')!.textContent).toBe(
      'bazzite · run #9 · 2026-04-15 06:00 UTC · 100%',
    );
    expect(screen.getByText('2026-04-01')).toBeInTheDocument();
    expect(screen.getByText('2026-04-15')).toBeInTheDocument();
    expect(screen.getByText('bazzite')).toBeInTheDocument();
  });

  it('says there is nothing to draw before the first run', () => {
    render(<TrendChart series={[{ name: 'sodimo', points: [] }]} title="t" />);
    expect(screen.getByText(/No successful run yet/)).toBeInTheDocument();
  });
});
