import { screen } from '@testing-library/react';
import { mayRun, summaryOf } from '../__testUtils__/fixtures';
import { FakeScorecardApi } from '../__testUtils__/FakeScorecardApi';
import { renderWithScorecard } from '../__testUtils__/render';
import { RunNowButton } from './RunNowButton';

// usePermission caches answers for the whole module registry (swr): this file holds the tests
// of a user who may not start runs, the page's tests those of one who may.
describe('RunNowButton without the run permission', () => {
  it('is disabled and names the permission it needs', async () => {
    renderWithScorecard(<RunNowButton box="sodimo" />, { mayRun: false });
    expect(
      await screen.findByText('You may not start runs.'),
    ).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Run now: sodimo' });
    expect(button).toBeDisabled();
    expect(button.parentElement).toHaveAttribute(
      'title',
      'Starting a run needs the permission quadlet-portal.scorecard.run',
    );
  });

  it('still follows a run already in progress, until it ends', async () => {
    const api = new FakeScorecardApi();
    const running = {
      ...mayRun,
      id: 7,
      status: 'running' as const,
      trigger: 'schedule' as const,
    };
    api.runs.push(running);
    const finished = jest.fn();
    renderWithScorecard(
      <RunNowButton
        box="sodimo"
        running={summaryOf(running)}
        onFinished={finished}
        pollIntervalMs={10}
      />,
      { api, mayRun: false },
    );
    expect(
      await screen.findByText(
        /^Run #7 already in progress since 2026-05-01 06:00 UTC/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Run #7 finished, 13 failures.'),
    ).toBeInTheDocument();
    expect(finished).toHaveBeenCalledWith(
      expect.objectContaining({ id: 7, status: 'succeeded' }),
    );
    expect(api.calls).not.toContain('startRun sodimo');
  });
});
