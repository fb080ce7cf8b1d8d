import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  compareVersions,
  isKeySupportedBy,
  isSupportedKey,
  keyInfo,
  QUADLET_SECTIONS,
  supportedKeys,
  type QuadletSection,
} from './supportedKeys';

const upstream = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '__fixtures__', 'supported-keys.json'),
    'utf8',
  ),
) as Record<string, string[]>;

describe('supportedKeys', () => {
  it.each(QUADLET_SECTIONS)('matches podman quadlet.go for [%s]', section => {
    expect(supportedKeys(section).sort()).toEqual(
      [...upstream[section]].sort(),
    );
  });

  it('covers every section podman lists', () => {
    expect(
      Object.keys(upstream)
        .filter(k => !k.startsWith('_'))
        .sort(),
    ).toEqual([...QUADLET_SECTIONS].sort());
  });

  it('answers per podman version', () => {
    expect(isKeySupportedBy('Container', 'Image', '4.4')).toBe(true);
    expect(isKeySupportedBy('Container', 'Pod', '4.9')).toBe(false);
    expect(isKeySupportedBy('Container', 'Pod', '5.0')).toBe(true);
    expect(isKeySupportedBy('Build', 'File', '5.1')).toBe(false);
    expect(isKeySupportedBy('Container', 'NoSuchKey', '6.0')).toBe(false);
    expect(isSupportedKey('Volume' as QuadletSection, 'Image')).toBe(true);
  });

  it('marks guessed versions and deprecated keys', () => {
    expect(keyInfo('Container', 'Image')).toEqual({
      section: 'Container',
      key: 'Image',
      since: '4.4',
      sinceKnown: true,
    });
    expect(keyInfo('Container', 'HttpProxy')?.sinceKnown).toBe(false);
    expect(keyInfo('Container', 'RemapUsers')?.deprecated).toBe(true);
  });

  it('never dates a key before its unit type existed', () => {
    const typeSince: Record<string, string> = {
      Image: '4.8',
      Pod: '5.0',
      Build: '5.2',
      Artifact: '5.7',
    };
    for (const [section, since] of Object.entries(typeSince)) {
      for (const key of supportedKeys(section as QuadletSection)) {
        expect(
          compareVersions(
            keyInfo(section as QuadletSection, key)!.since,
            since,
          ),
        ).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('compareVersions', () => {
  it('compares numerically', () => {
    expect(compareVersions('5.10', '5.9')).toBeGreaterThan(0);
    expect(compareVersions('5.0', '5.0.0')).toBe(0);
    expect(compareVersions('4.4', '5.0')).toBeLessThan(0);
  });
});
