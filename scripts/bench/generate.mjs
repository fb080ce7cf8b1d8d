// Writes a deterministic synthetic box for `yarn bench`: a chezmoi dotfiles tree with
// thousands of quadlets in per-app folders (drop-ins, chezmoi names, templates, env
// templates, llama-swap, LiteLLM, Caddy routes) and an OS tree (mkosi, kargs.d, cloudflared
// ingress, system units, decision records). Same seed and sizes, same bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the generated files change, so cached boxes are rebuilt. */
export const GENERATOR_VERSION = 1;

/** Small fast PRNG (mulberry32): the same seed gives the same box on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = [
  'docker.io/library/postgres:16',
  'docker.io/library/redis:7-alpine',
  'ghcr.io/example/api:v1.4.2',
  'ghcr.io/example/worker:main',
  'quay.io/example/web:latest',
  'docker.io/library/nginx:1.27-alpine',
  'ghcr.io/example/batch@sha256:5d41402abc4b2a76b9719d911017c592ae2b9a1c1d1e6f4f0e8c5a7b9d3e1f20',
  'registry.example.com/team/service:2026.05.1',
  'nginx:stable',
  'docker.io/grafana/grafana:11.2.0',
];

/**
 * Writes the box under `root` (`root/dotfiles`, `root/harness`) and returns what was written.
 * `units` is the number of quadlet units; about 70 % containers, the rest volumes,
 * networks and pods.
 */
export function generateBox(root, { units = 20000, seed = 1 } = {}) {
  const random = prng(seed);
  const pick = list => list[Math.floor(random() * list.length)];
  rmSync(root, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const write = (rel, text) => {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  const Q = 'dotfiles/home/dot_config/containers/systemd';
  write('dotfiles/.chezmoiroot', 'home\n');
  write(
    'dotfiles/README.md',
    '# bench dotfiles\n\nSynthetic box for `yarn bench`.\n',
  );

  const perApp = 10;
  const apps = Math.ceil(units / perApp);
  const networks = [];
  const containers = [];
  let written = 0;
  let hostPort = 20000;
  const routes = [];
  // Three more containers (llama-swap, litellm, caddy) are written after the loop.
  const target = Math.max(0, units - 3);
  for (let app = 0; app < apps && written < target; app++) {
    const name = `app${String(app).padStart(5, '0')}`;
    const dir = `${Q}/${name}`;
    // One network per 50 apps, shared.
    const net = `net${Math.floor(app / 50)}`;
    if (app % 50 === 0) {
      write(
        `${dir}/${net}.network`,
        `[Network]\nNetworkName=${net}\nSubnet=10.${
          90 + Math.floor(app / 12800)
        }.${Math.floor(app / 50) % 256}.0/24\nLabel=bench=${net}\n`,
      );
      networks.push(net);
      written++;
    }
    const envTemplate = random() < 0.3;
    if (envTemplate) {
      write(
        `dotfiles/home/dot_config/bench/${name}.env.tmpl`,
        `# Rendered to ~/.config/bench/${name}.env\nAPP_NAME=${name}\nAPP_PASSWORD={{ (bitwardenFields "item" "${name}").PASSWORD.value }}\nLOG_LEVEL=info\n`,
      );
    }
    for (let i = 0; written < target && i < perApp; i++) {
      const roll = random();
      const unit = `${name}-${i}`;
      if (roll < 0.2) {
        write(
          `${dir}/${unit}-data.volume`,
          `# Data of ${unit}.\n[Volume]\nVolumeName=${unit}-data\nLabel=app=${name}\n`,
        );
        written++;
        continue;
      }
      if (roll < 0.25 && i === 0) {
        write(
          `${dir}/${unit}.pod`,
          `[Pod]\nPodName=${unit}\nNetwork=${net}.network\nPublishPort=127.0.0.1:${hostPort++}:8080\n`,
        );
        written++;
        continue;
      }
      const template = random() < 0.01;
      const isPrivate = random() < 0.05;
      const file = `${isPrivate ? 'private_' : ''}${unit}.container${
        template ? '.tmpl' : ''
      }`;
      const deps =
        containers.length > 0 && random() < 0.4
          ? [pick(containers.slice(-50))]
          : [];
      const port = random() < 0.3 ? hostPort++ : undefined;
      const decision =
        random() < 0.02
          ? ` (D-${String(100 + Math.floor(random() * 200)).padStart(3, '0')})`
          : '';
      const lines = [
        `# ${unit}: synthetic service number ${containers.length}${decision}.`,
        '# Generated for the scan benchmark; every key is one a real box uses.',
        '[Unit]',
        `Description=Bench service ${unit}`,
        'Documentation=https://example.com/bench',
      ];
      if (deps.length > 0)
        lines.push(`Requires=${deps[0]}.container`, `After=${deps[0]}.service`);
      lines.push(
        '',
        '[Container]',
        `ContainerName=${unit}`,
        `Image=${pick(IMAGES)}`,
        `Network=${net}.network`,
        port !== undefined
          ? `PublishPort=127.0.0.1:${port}:8080`
          : `ExposeHostPort=8080`,
        `Environment=APP_NAME=${unit} LOG_LEVEL=info`,
        `Label=app=${name}`,
        `Volume=%h/.local/share/bench/${unit}:/data:Z`,
      );
      if (envTemplate)
        lines.push(`EnvironmentFile=%h/.config/bench/${name}.env`);
      if (random() < 0.1)
        lines.push(`Secret=${unit}-token,type=env,target=APP_TOKEN`);
      if (template)
        lines.push(
          '{{- if eq .chezmoi.hostname "prod" }}',
          'Volume=/mnt/backup:/backup:Z',
          '{{- end }}',
        );
      lines.push(
        '',
        '[Service]',
        'Restart=always',
        '',
        '[Install]',
        'WantedBy=default.target',
        '',
      );
      write(`${dir}/${file}`, lines.join('\n'));
      if (random() < 0.1) {
        write(
          `${dir}/${unit}.container.d/10-limits.conf`,
          `# Resource limits.\n[Container]\nPodmanArgs=--memory=512m\n`,
        );
      }
      containers.push(unit);
      if (port !== undefined && routes.length < 2000)
        routes.push({
          host: `${unit}.bench.example`,
          upstream: `${unit}:8080`,
        });
      written++;
    }
  }
  // A type-wide drop-in, as some boxes use for common settings.
  write(
    `${Q}/container.d/00-common.conf`,
    '[Container]\nAutoUpdate=registry\n',
  );

  // Model serving: llama-swap with 50 models, LiteLLM with 100 aliases.
  const models = Array.from({ length: 50 }, (_, i) => `model-${i}`);
  write(
    'dotfiles/home/dot_config/llama-swap/llama-swap.yaml',
    `startPort: 10001\nmodels:\n${models
      .map(
        m =>
          `  ${m}:\n    aliases:\n      - local-${m}\n    ttl: 600\n    cmd: |\n      /app/llama-server --model /models/${m}.gguf\n      --no-mmap -fa on -ngl 999 --port \${PORT}\n    proxy: http://127.0.0.1:\${PORT}\n`,
      )
      .join('')}`,
  );
  write(
    'dotfiles/home/dot_config/litellm/litellm.yaml',
    `model_list:\n${Array.from({ length: 100 }, (_, i) =>
      i < 50
        ? `  - model_name: alias-${i}\n    litellm_params:\n      model: openai/local-model-${i}\n      api_base: http://llama-swap:8080/v1\n      api_key: "none"\n`
        : `  - model_name: cloud-${i}\n    litellm_params:\n      model: anthropic/claude-${i}\n      api_key: os.environ/ANTHROPIC_API_KEY\n`,
    ).join(
      '',
    )}general_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY\n`,
  );
  write(
    `${Q}/llama-swap.container`,
    '[Container]\nContainerName=llama-swap\nImage=ghcr.io/mostlygeek/llama-swap:vulkan\nNetwork=net0.network\nVolume=%h/.config/llama-swap/llama-swap.yaml:/app/config.yaml:ro,Z\n',
  );
  write(
    `${Q}/litellm.container`,
    '[Container]\nContainerName=litellm\nImage=ghcr.io/berriai/litellm:main-stable\nNetwork=net0.network\nVolume=%h/.config/litellm/litellm.yaml:/app/config.yaml:ro,Z\n',
  );

  // Caddy: one route file per public hostname, imported by the Caddyfile.
  write(
    'dotfiles/home/dot_config/caddy/Caddyfile',
    '{\n\tauto_https off\n}\n\n:80 {\n\timport routes/*.caddy\n}\n',
  );
  for (const route of routes) {
    const label = route.host.split('.')[0];
    write(
      `dotfiles/home/dot_config/caddy/routes/${label}.caddy`,
      `@${label} host ${route.host}\nhandle @${label} {\n\treverse_proxy ${route.upstream}\n}\n`,
    );
  }
  write(
    `${Q}/caddy.container`,
    '[Container]\nContainerName=caddy\nImage=docker.io/library/caddy:2-alpine\nNetwork=net0.network\nPublishPort=127.0.0.1:80:80\nVolume=%h/.config/caddy/Caddyfile:/etc/caddy/Caddyfile:ro,Z\nVolume=%h/.config/caddy/routes:/etc/caddy/routes:ro,Z\n',
  );

  // The OS tree.
  write(
    'harness/mkosi.conf',
    '[Distribution]\nDistribution=fedora\nRelease=43\n\n[Output]\nFormat=oci\nImageId=bench\n\n[Content]\nPackages=\n        podman\n        kernel\n',
  );
  write(
    'harness/mkosi.extra/usr/lib/bootc/kargs.d/00-bench.toml',
    '# Bench kernel arguments.\nkargs = ["iommu=pt", "amdgpu.gttsize=126976"]\n',
  );
  write(
    'harness/mkosi.extra/etc/cloudflared/config.yml',
    `tunnel: 00000000-0000-4000-8000-000000000000\ningress:\n${routes
      .map(r => `  - hostname: ${r.host}\n    service: http://127.0.0.1:80\n`)
      .join('')}  - service: http_status:404\n`,
  );
  write(
    'harness/mkosi.extra/usr/lib/systemd/system/cloudflared.service',
    '[Unit]\nDescription=Tunnel\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nExecStart=/usr/bin/cloudflared tunnel run\n\n[Install]\nWantedBy=multi-user.target\n',
  );
  write(
    'harness/docs/decisions.md',
    `# Decisions\n\n${Array.from(
      { length: 200 },
      (_, i) =>
        `### D-${String(100 + i).padStart(
          3,
          '0',
        )} — Decision ${i}\n\nStatus: Accepted\n\nWhy decision ${i} was taken.\n`,
    ).join('\n')}`,
  );
  return { files, bytes, units: written + 3 };
}
