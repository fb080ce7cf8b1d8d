import type { TreeRole, UnitScope } from './types';

/**
 * Whether a unit runs as the user (rootless, `systemctl --user`) or as the system, from where
 * it lands. Home-relative targets (`.config/…`) and `…/systemd/user/` folders are the user's;
 * `/etc/…` and `/usr/…` unit folders are the system's, except `containers/systemd/users/`,
 * which podman reads for every user. When the path says nothing, the tree's role decides.
 */
export function unitScopeOf(
  target: string | undefined,
  sourcePath: string,
  role: TreeRole | 'other',
): UnitScope {
  const path = target ?? sourcePath;
  if (/(^|\/)containers\/systemd\/users(\/|$)/.test(path)) return 'user';
  if (/(^|\/)systemd\/user(\/|$)/.test(path)) return 'user';
  if (target !== undefined && !target.startsWith('/'))
    return role === 'dotfiles' ? 'user' : 'unknown';
  if (
    /(^|\/)(etc|usr\/share|usr\/lib|lib|run)\/(containers\/systemd|systemd\/system)(\/|$)/.test(
      path,
    )
  )
    return 'system';
  if (/(^|\/)\.config\/(containers\/systemd|systemd\/user)(\/|$)/.test(path))
    return 'user';
  if (role === 'dotfiles') return 'user';
  if (role === 'os') return 'system';
  return 'unknown';
}
