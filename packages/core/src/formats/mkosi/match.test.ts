import { evaluateMatch, MkosiMatchSection } from './match';

function section(
  kind: 'Match' | 'TriggerMatch',
  ...conditions: string[]
): MkosiMatchSection {
  return {
    kind,
    line: 1,
    conditions: conditions.map(text => {
      const [key, raw] = text.split('=');
      const trigger = raw.startsWith('|');
      const afterTrigger = trigger ? raw.slice(1) : raw;
      const negate = afterTrigger.startsWith('!');
      return {
        key,
        value: negate ? afterTrigger.slice(1) : afterTrigger,
        negate,
        trigger,
        line: 1,
      };
    }),
  };
}

const state: Record<string, string> = {
  Distribution: 'fedora',
  Release: '44',
  ImageId: 'harness-gpu',
};
const current = (key: string) => state[key];

describe('evaluateMatch', () => {
  it.each([
    [[], 'yes'],
    [[section('Match', 'Distribution=fedora')], 'yes'],
    [[section('Match', 'Distribution=!fedora')], 'no'],
    [[section('Match', 'Distribution=fedora', 'Release=43')], 'no'],
    [[section('Match', 'Release=|43', 'Release=|44')], 'yes'],
    [[section('Match', 'Release=|!44', 'Release=|43')], 'no'],
    [[section('Match', 'ImageId=harness-*')], 'yes'],
    [[section('Match', 'Format=disk')], 'unknown'],
    [[section('Match', 'Profiles=gpu', 'Distribution=debian')], 'no'],
    [[section('Match', 'Profiles=gpu', 'Distribution=fedora')], 'unknown'],
    [
      [section('Match', 'Distribution=fedora'), section('Match', 'Release=43')],
      'no',
    ],
    [
      [
        section('TriggerMatch', 'Distribution=debian'),
        section('TriggerMatch', 'Distribution=fedora'),
      ],
      'yes',
    ],
    [
      [
        section('TriggerMatch', 'Distribution=debian'),
        section('TriggerMatch', 'PathExists=/x'),
      ],
      'unknown',
    ],
    [
      [
        section('Match', 'Distribution=fedora'),
        section('TriggerMatch', 'Release=43'),
      ],
      'no',
    ],
  ] as const)('%#: %j → %s', (sections, expected) => {
    expect(
      evaluateMatch(sections as unknown as MkosiMatchSection[], current),
    ).toBe(expected);
  });
});
