const ROOT_DIRS = new Set(['usr', 'etc', 'var', 'opt']);
const OVERLAY_DIRS = new Set([
  'files',
  'system_files',
  'rootfs',
  'root',
  'overlay',
  'build_files',
  'sysroot',
]);

/**
 * Where an OS-tree file lands in the image: `mkosi.extra/usr/lib/x` → `/usr/lib/x`. Also
 * understands the usual bootc Containerfile layouts (`usr/…`, `etc/…` at the root, or one
 * folder deep such as `system_files/usr/…`). Undefined for files that do not land anywhere.
 */
export function osTargetOf(path: string): string | undefined {
  for (const prefix of ['mkosi.extra/', 'mkosi.skeleton/']) {
    if (path.startsWith(prefix)) return `/${path.slice(prefix.length)}`;
  }
  const segments = path.split('/');
  if (segments.length > 1 && ROOT_DIRS.has(segments[0])) return `/${path}`;
  if (
    segments.length > 2 &&
    ROOT_DIRS.has(segments[1]) &&
    OVERLAY_DIRS.has(segments[0])
  ) {
    return `/${segments.slice(1).join('/')}`;
  }
  return undefined;
}

/**
 * Reads a path written in a unit (`%h/.config/x`, `~/.config/x`, `/etc/x`) as a target:
 * home-relative (`.config/x`) for home paths, absolute otherwise; undefined when it depends on
 * something unknown (another specifier, a variable, a relative path).
 */
export function targetOfWrittenPath(
  written: string,
): { target: string; home: boolean } | undefined {
  let path = written.trim();
  if (path.startsWith('-')) path = path.slice(1);
  for (const home of ['%h/', '~/', '${HOME}/', '$HOME/']) {
    if (path.startsWith(home)) {
      const rest = normalize(path.slice(home.length));
      return rest === undefined || /[%$]/.test(rest)
        ? undefined
        : { target: rest, home: true };
    }
  }
  if (path.startsWith('/var/home/') || path.startsWith('/home/')) {
    // `/home/<user>/x` is the same home as `%h` for the one user a dotfiles tree describes.
    const parts = path.split('/').filter(Boolean);
    const rest = parts.slice(parts[0] === 'var' ? 3 : 2).join('/');
    if (rest && !/[%$]/.test(rest))
      return { target: normalize(rest) ?? rest, home: true };
  }
  if (path.startsWith('/') && !/[%$]/.test(path)) {
    const rest = normalize(path.slice(1));
    return rest === undefined ? undefined : { target: `/${rest}`, home: false };
  }
  return undefined;
}

/** Collapses `.`/`..`/`//`; undefined when `..` would leave the base. */
function normalize(path: string): string | undefined {
  // Most paths have nothing to collapse (no empty, `.` or `..` segment): keep them as they are.
  if (path !== '' && !/(?:^|\/)(?:\.\.?)?(?:\/|$)/.test(path)) return path;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}
