import { dirName } from '../unit';
import { targetOfWrittenPath } from './targetPath';

export interface EnvFileKey {
  /** Home-relative or absolute target; the path as written when it cannot be located. */
  key: string;
  target?: string;
  home?: boolean;
  optional: boolean;
  /** The path as written, without systemd's leading `-`. */
  written: string;
}

/**
 * Where an `EnvironmentFile=` lands: `%h/.config/sodimo/piler.env` → `.config/sodimo/piler.env`
 * in the home; `/etc/x.env` stays absolute; a relative path is relative to the unit's folder
 * (podman's rule for quadlets), so it follows the unit's own target.
 */
export function envFileKeyOf(
  value: string,
  unitTarget: string | undefined,
): EnvFileKey {
  const optional = value.startsWith('-');
  const written = optional ? value.slice(1) : value;
  const located = targetOfWrittenPath(written);
  if (located)
    return {
      key: located.target,
      target: located.target,
      home: located.home,
      optional,
      written,
    };
  if (
    unitTarget !== undefined &&
    !written.includes('%') &&
    !written.includes('$') &&
    !written.startsWith('/')
  ) {
    const base = dirName(unitTarget);
    const home = !unitTarget.startsWith('/');
    const joined = targetOfWrittenPath(
      home ? `%h/${base}/${written}` : `${base}/${written}`,
    );
    if (joined)
      return {
        key: joined.target,
        target: joined.target,
        home: joined.home,
        optional,
        written,
      };
  }
  return { key: written, optional, written };
}
