/**
 * The problems seeded in examples/sodimo (examples/README.md), one line per failing result as
 * `check subject tree:path:line [detail]`: the same list as the core's
 * packages/core/src/checks/sodimoExample.test.ts, so the backend is held to the same evidence
 * as the core and the CLI. Holds on any day after the cockpit waiver ran out (2026-03-31).
 */
const Q = 'dotfiles:home/dot_config/containers/systemd';
const LLAMA = 'dotfiles:home/dot_config/llama-swap/llama-swap.yaml';
const KARGS = 'harness:mkosi.extra/usr/lib/bootc/kargs.d/00-strix-halo.toml';

export const SODIMO_SEEDED_FAILURES = [
  // README #1–#4: floating tags (cockpit's D-167 waiver has expired).
  `image-floating-tag component:sodimo/cockpit ${Q}/cockpit.container:13`,
  `image-floating-tag component:sodimo/openwebui ${Q}/openwebui.container:16`,
  `image-floating-tag component:sodimo/litellm ${Q}/litellm.container:15`,
  `image-floating-tag component:sodimo/llama-swap ${Q}/llama-swap.container:14`,
  // README #5: every Image= without a digest (D-167): the 4 floating ones and 14 version tags.
  `image-not-digest-pinned component:sodimo/cockpit ${Q}/cockpit.container:13`,
  `image-not-digest-pinned component:sodimo/openwebui ${Q}/openwebui.container:16`,
  `image-not-digest-pinned component:sodimo/litellm ${Q}/litellm.container:15`,
  `image-not-digest-pinned component:sodimo/llama-swap ${Q}/llama-swap.container:14`,
  `image-not-digest-pinned component:sodimo/dovecot ${Q}/dovecot.container:11`,
  `image-not-digest-pinned component:sodimo/litellm-db ${Q}/litellm-db.container:8`,
  `image-not-digest-pinned component:sodimo/litellm-redis ${Q}/litellm-redis.container:8`,
  `image-not-digest-pinned component:sodimo/openwebui-redis ${Q}/openwebui-redis.container:8`,
  `image-not-digest-pinned component:sodimo/paperclip ${Q}/paperclip.container:16`,
  `image-not-digest-pinned component:sodimo/paperclip-db ${Q}/paperclip-db.container:8`,
  `image-not-digest-pinned component:sodimo/piler ${Q}/piler.container:13`,
  `image-not-digest-pinned component:sodimo/postfix ${Q}/postfix.container:16`,
  `image-not-digest-pinned component:sodimo/rspamd ${Q}/rspamd.container:11`,
  `image-not-digest-pinned component:sodimo/twenty ${Q}/twenty.container:15`,
  `image-not-digest-pinned component:sodimo/twenty-worker ${Q}/twenty-worker.container:11`,
  `image-not-digest-pinned component:sodimo/twenty-db ${Q}/twenty-db.container:8`,
  `image-not-digest-pinned component:sodimo/twenty-redis ${Q}/twenty-redis.container:8`,
  `image-not-digest-pinned component:sodimo/vaultwarden ${Q}/private_vaultwarden.container.tmpl:12`,
  // README #6: placeholder tag.
  `image-placeholder-tag component:sodimo/paperclip ${Q}/paperclip.container:16`,
  // README #7 and #17: known broken (declared in the policy: dotfiles#17, dotfiles#16).
  `unit-known-broken component:sodimo/piler ${Q}/piler.container:1`,
  `unit-known-broken component:sodimo/paperclip ${Q}/paperclip.container:1`,
  // README #8: volume waiting for the missing sidecar.
  `quadlet-resource-unused resource:sodimo/piler-mysql.volume ${Q}/piler-mysql.volume:1`,
  // README #9: twenty.env has no template.
  `env-file-missing component:sodimo/twenty ${Q}/twenty.container:21 [%h/.config/sodimo/twenty.env]`,
  `env-file-missing component:sodimo/twenty-worker ${Q}/twenty-worker.container:17 [%h/.config/sodimo/twenty.env]`,
  // README #11 and #12: llama-swap models (at the model's line).
  `llama-swap-proxy-host resource:sodimo/qwen3-30b.model ${LLAMA}:65`,
  `llama-swap-flag-missing resource:sodimo/qwen3-embedding.model ${LLAMA}:72 [--cache-reuse]`,
  // README #13: kernel arguments.
  `kernel-arg-forbidden resource:sodimo/kernel-args ${KARGS}:9 [amd_iommu=off]`,
  `kernel-arg-missing resource:sodimo/kernel-args ${KARGS}:9 [iommu=pt]`,
  `kernel-arg-missing resource:sodimo/kernel-args ${KARGS}:9 [amdgpu.gttsize=126976]`,
  `kernel-arg-missing resource:sodimo/kernel-args ${KARGS}:9 [ttm.pages_limit=32505856]`,
  // README #14: Fedora 44 outside the kyuz0 band 42–43.
  'os-release-outside-band resource:sodimo/os-image harness:mkosi.conf:8',
  // README #15: D-171 cited, never recorded.
  'decision-not-recorded decision:sodimo/d-171 harness:mkosi.extra/usr/lib/systemd/system/chezmoi-update.service:4',
  // README #18: the podman socket mount left from the ROCm setup.
  `podman-socket-mount component:sodimo/llama-swap ${Q}/llama-swap.container:23 [%t/podman/podman.sock]`,
];

/** Online, the registry does not have the placeholder tag either. */
export const SODIMO_ONLINE_EXTRA_FAILURE = `image-tag-missing component:sodimo/paperclip ${Q}/paperclip.container:16`;
