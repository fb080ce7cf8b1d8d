/**
 * Units that systemd, podman or the distribution provide, so a reference to them is not
 * dangling even though no repository of the box defines them.
 */
const WELL_KNOWN = new Set([
  // systemd special targets (systemd.special(7)).
  'basic.target',
  'bluetooth.target',
  'cryptsetup.target',
  'ctrl-alt-del.target',
  'default.target',
  'emergency.target',
  'exit.target',
  'final.target',
  'first-boot-complete.target',
  'getty.target',
  'graphical.target',
  'halt.target',
  'hibernate.target',
  'hybrid-sleep.target',
  'initrd.target',
  'kexec.target',
  'local-fs-pre.target',
  'local-fs.target',
  'multi-user.target',
  'network-online.target',
  'network-pre.target',
  'network.target',
  'nss-lookup.target',
  'nss-user-lookup.target',
  'paths.target',
  'poweroff.target',
  'printer.target',
  'reboot.target',
  'remote-fs-pre.target',
  'remote-fs.target',
  'rescue.target',
  'rpcbind.target',
  'shutdown.target',
  'sleep.target',
  'slices.target',
  'smartcard.target',
  'sockets.target',
  'sound.target',
  'suspend.target',
  'swap.target',
  'sysinit.target',
  'time-set.target',
  'time-sync.target',
  'timers.target',
  'umount.target',
  'usb-gadget.target',
  'graphical-session.target',
  'graphical-session-pre.target',
  // Services and sockets every Fedora / bootc host has.
  'dbus.service',
  'dbus.socket',
  'podman.service',
  'podman.socket',
  'podman-auto-update.service',
  'podman-auto-update.timer',
  'podman-restart.service',
  'NetworkManager.service',
  'NetworkManager-wait-online.service',
  'sshd.service',
  'chronyd.service',
  'firewalld.service',
  'tailscaled.service',
  'bootc-fetch-apply-updates.service',
  'bootc-fetch-apply-updates.timer',
  'rpm-ostreed.service',
  'user.slice',
  'system.slice',
  'machine.slice',
  '-.mount',
  '-.slice',
]);

/** True for a unit the host provides (systemd's own `systemd-*` units and `*.device` included). */
export function isWellKnownUnit(name: string): boolean {
  return (
    WELL_KNOWN.has(name) ||
    name.startsWith('systemd-') ||
    name.endsWith('.device') ||
    /^user(-runtime-dir)?@[^.]*\.service$/.test(name)
  );
}
