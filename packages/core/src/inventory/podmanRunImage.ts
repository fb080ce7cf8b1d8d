import { splitExecArgs } from '../unit';

/** `podman run` / `docker run` options that take the next word as their value. */
const VALUE_OPTIONS = new Set([
  '-a',
  '--attach',
  '--add-host',
  '--annotation',
  '--arch',
  '--authfile',
  '--blkio-weight',
  '--cap-add',
  '--cap-drop',
  '--cgroup-parent',
  '--cgroupns',
  '--cgroups',
  '--cidfile',
  '--conmon-pidfile',
  '--cpu-period',
  '--cpu-quota',
  '--cpu-shares',
  '-c',
  '--cpus',
  '--cpuset-cpus',
  '--cpuset-mems',
  '--decryption-key',
  '--detach-keys',
  '--device',
  '--device-cgroup-rule',
  '--dns',
  '--dns-option',
  '--dns-search',
  '--entrypoint',
  '-e',
  '--env',
  '--env-file',
  '--expose',
  '--gidmap',
  '--group-add',
  '--group-entry',
  '--health-cmd',
  '--health-interval',
  '--health-retries',
  '--health-start-period',
  '--health-timeout',
  '-h',
  '--hostname',
  '--hostuser',
  '--ip',
  '--ip6',
  '--ipc',
  '-l',
  '--label',
  '--label-file',
  '--log-driver',
  '--log-opt',
  '--mac-address',
  '-m',
  '--memory',
  '--memory-reservation',
  '--memory-swap',
  '--mount',
  '--name',
  '--network',
  '--net',
  '--network-alias',
  '--os',
  '--passwd-entry',
  '--personality',
  '--pid',
  '--pidfile',
  '--platform',
  '--pod',
  '--pod-id-file',
  '-p',
  '--publish',
  '--pull',
  '--restart',
  '--requires',
  '--sdnotify',
  '--seccomp-policy',
  '--secret',
  '--security-opt',
  '--shm-size',
  '--stop-signal',
  '--stop-timeout',
  '--subgidname',
  '--subuidname',
  '--sysctl',
  '--systemd',
  '--timeout',
  '--tmpfs',
  '--uidmap',
  '--ulimit',
  '--umask',
  '-u',
  '--user',
  '--userns',
  '--uts',
  '--variant',
  '-v',
  '--volume',
  '--volumes-from',
  '-w',
  '--workdir',
  '--health-on-failure',
  '--init-path',
  '--chrootdirs',
  '--retry',
  '--retry-delay',
  '--image-volume',
  '--preserve-fds',
  '--rdt-class',
  '--hosts-file',
]);

/**
 * The image of a `podman run …` command (words already split), or undefined when the words
 * are not a `podman run` / `podman container run` / `docker run` or name no image.
 */
export function podmanRunImage(words: readonly string[]): string | undefined {
  let i = words.findIndex(w => /(^|\/)(podman|docker)$/.test(w));
  if (i < 0) return undefined;
  i++;
  // Global options before the subcommand (`podman --remote run`).
  while (i < words.length && words[i].startsWith('-')) i++;
  if (words[i] === 'container') i++;
  if (words[i] !== 'run' && words[i] !== 'create') return undefined;
  for (i++; i < words.length; i++) {
    const word = words[i];
    if (word === '--') return words[i + 1];
    if (word.startsWith('-')) {
      if (!word.includes('=') && VALUE_OPTIONS.has(word)) i++;
      continue;
    }
    return word;
  }
  return undefined;
}

/**
 * `podman run` commands of a shell script, with the 1-based line where each starts; lines
 * continued with a trailing backslash are joined first. Shell variables stay as written.
 */
export function podmanRunsInScript(
  text: string,
): { image: string; line: number }[] {
  const out: { image: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let command = lines[i];
    while (/\\\r?$/.test(command) && i + 1 < lines.length) {
      command = `${command.replace(/\\\r?$/, '')} ${lines[++i]}`;
    }
    const trimmed = command.trim();
    if (trimmed.startsWith('#') || !/\b(podman|docker)\b/.test(trimmed))
      continue;
    for (const piece of trimmed.split(/&&|\|\||;|\|/)) {
      const image = podmanRunImage(splitExecArgs(piece.trim()).words);
      if (image !== undefined) out.push({ image, line: start + 1 });
    }
  }
  return out;
}
