import { boxEntity } from './__testUtils__/render';
import { boxOf, isScorecardEntity } from './annotations';

describe('isScorecardEntity', () => {
  it('holds for entities carrying quadlet-portal.io/box, and reads the box', () => {
    const piler = boxEntity('Component', 'piler');
    expect(isScorecardEntity(piler)).toBe(true);
    expect(boxOf(piler)).toBe('sodimo');
    const blank = {
      ...piler,
      metadata: {
        ...piler.metadata,
        annotations: { 'quadlet-portal.io/box': '  ' },
      },
    };
    expect(isScorecardEntity(blank)).toBe(false);
  });
});
