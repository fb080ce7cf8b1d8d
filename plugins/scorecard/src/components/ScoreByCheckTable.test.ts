import { scoreText } from './ScoreByCheckTable';

const score = { score: 0.75, passing: 3, failing: 1, unknown: 0, waived: 0 };

describe('scoreText', () => {
  it('gives the share, the failing subjects, and the undecided and waived ones when any', () => {
    expect(scoreText(score)).toBe('75% · 1 of 4 failing');
    expect(scoreText({ ...score, unknown: 2, waived: 1 })).toBe(
      '75% · 1 of 4 failing, 2 unknown, 1 waived',
    );
  });

  it('says nothing was decided rather than a score', () => {
    expect(
      scoreText({ score: null, passing: 0, failing: 0, unknown: 20, waived: 0 }),
    ).toBe('20 unknown');
  });
});
