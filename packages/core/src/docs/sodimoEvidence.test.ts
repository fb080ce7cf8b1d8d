import type { Inventory } from '../inventory/types';
import path from 'node:path';
import { findingsOf, readExample } from './__fixtures__/sodimoBox';
import { generateHandoffGuide } from './generateHandoffGuide';
import type { HandoffGuide } from './types';

/**
 * The evidence: the facts of the hand-written quadlet reference (the seed chapter) that
 * `examples/sodimo` encodes — image, host ports, route and hostname, depends-on, secret names —
 * each appear in that service's generated entry, in the field that should carry it.
 */
interface Facts {
  image: string;
  ports: string[];
  /** Hostnames and hops of the routing line (or how it is reached when nothing routes to it). */
  routing: string[];
  dependsOn: string[];
  /** Names only; `none` when the chapter says the service has no secret. */
  secrets: string[] | 'none';
  /** Other facts of the chapter the example carries, anywhere in the entry. */
  also?: string[];
}

const FACTS: Record<string, Facts> = {
  caddy: {
    image: 'docker.io/library/caddy:2-alpine',
    ports: ['127.0.0.1:80:80', '127.0.0.1:443:443'],
    routing: ['reverse proxy', 'site `:80`'],
    dependsOn: ['sodimo.network'],
    secrets: 'none',
    also: ['CADDY_ADMIN', 'caddyserver/caddy'],
  },
  cockpit: {
    image: 'quay.io/cockpit/ws:latest',
    ports: ['127.0.0.1:9090:9090'],
    routing: ['cockpit.sodimo.eu', 'host.containers.internal:9090'],
    dependsOn: ['sodimo.network'],
    secrets: 'none',
    also: ['cockpit-project/cockpit', '--privileged', '--pid'],
  },
  openwebui: {
    image: 'ghcr.io/open-webui/open-webui:main',
    ports: ['127.0.0.1:3000:8080'],
    routing: ['chat.sodimo.eu', 'openwebui:8080'],
    dependsOn: ['openwebui-db', 'openwebui-redis', 'litellm'],
    // WEBUI_SECRET_KEY; the LiteLLM master key as OPENAI_API_KEY; the Postgres password inside DATABASE_URL.
    secrets: ['WEBUI_SECRET_KEY', 'OPENAI_API_KEY', 'DATABASE_URL'],
    also: ['openwebui.env', 'OPENAI_API_BASE_URL', 'WEBUI_AUTH', 'ENABLE_SIGNUP', 'DEFAULT_USER_ROLE', 'D-097'],
  },
  litellm: {
    image: 'ghcr.io/berriai/litellm:main-stable',
    ports: ['127.0.0.1:4000:4000'],
    routing: ['internal only'],
    dependsOn: ['litellm-db', 'litellm-redis', 'llama-swap'],
    secrets: ['LITELLM_MASTER_KEY', 'LITELLM_SALT_KEY', 'ANTHROPIC_API_KEY', 'OPENAI_API_KEY'],
    also: ['litellm.env', 'BerriAI/litellm', 'local-task', 'local-heavy', 'local-embeddings', 'claude-opus-4-7', 'gpt-5'],
  },
  'llama-swap': {
    image: 'ghcr.io/mostlygeek/llama-swap:vulkan',
    ports: ['127.0.0.1:9292:8080'],
    routing: ['internal only'],
    dependsOn: ['sodimo.network'],
    secrets: 'none',
    also: ['HSA_OVERRIDE_GFX_VERSION', '/dev/dri', '/dev/kfd', '`video`', '%h/.local/share/llama-models', 'D-166', 'qwen3-4b', 'gpt-oss-120b', 'qwen3-30b', 'qwen3-embedding', 'llama-swap.yaml'],
  },
  twenty: {
    image: 'docker.io/twentycrm/twenty:v2.0.0',
    ports: ['127.0.0.1:3333:3000'],
    routing: ['crm.sodimo.eu', 'twenty:3000'],
    dependsOn: ['twenty-worker', 'twenty-db', 'twenty-redis'],
    // The chapter's secrets live in twenty.env, which the example does not carry: the entry says it is missing.
    secrets: [],
    also: ['twenty.env', '**missing**', 'EMAIL_SMTP_HOST', 'D-165', 'twentyhq/twenty'],
  },
  vaultwarden: {
    image: 'docker.io/vaultwarden/server:1.32.7',
    ports: ['127.0.0.1:8222:80'],
    routing: ['vault.sodimo.eu', 'vaultwarden:80', 'vaultwarden:3012'],
    dependsOn: ['sodimo.network'],
    secrets: ['ADMIN_TOKEN', 'SMTP_PASSWORD'],
    also: ['vaultwarden.env', 'SIGNUPS_ALLOWED', 'dani-garcia/vaultwarden'],
  },
  postfix: {
    image: 'docker.io/boky/postfix:4.3.0',
    ports: ['25:25', '587:587', '465:465'],
    routing: ['direct', 'outside any tunnel or proxy'],
    dependsOn: ['rspamd', 'dovecot'],
    secrets: ['SMTP_SUBMISSION_PASSWORD'],
    also: ['postfix.env', 'bokysan/docker-postfix', 'sodimonet.fr', 'yallafood.eu', 'cavisteduliban.fr'],
  },
  dovecot: {
    image: 'docker.io/dovecot/dovecot:2.3.21.1',
    ports: ['143:143', '993:993'],
    routing: ['direct'],
    dependsOn: ['dovecot-mail.volume'],
    secrets: 'none',
    // Per-user password hashes: the users.d folder, decrypted by chezmoi on the box.
    also: ['mail.sodimo.eu:993', 'users.d', 'LMTP'],
  },
  rspamd: {
    image: 'docker.io/rspamd/rspamd:3.9.1',
    ports: ['127.0.0.1:11334:11334'],
    routing: ['internal only'],
    dependsOn: ['sodimo.network'],
    secrets: 'none',
    // DKIM private keys live in the rspamd-config volume.
    also: ['rspamd-config.volume', 'DKIM', 'rspamd:11332'],
  },
  piler: {
    image: 'docker.io/sutoj/piler:1.4.5',
    ports: ['127.0.0.1:8091:80'],
    routing: ['archive.sodimo.eu', 'piler:80'],
    dependsOn: ['piler-data.volume'],
    secrets: ['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD'],
    also: ['piler.env', 'D-106', 'jsuto/piler', 'KNOWN BROKEN', 'dotfiles#17', '`unit-known-broken`', 'MYSQL localhost'],
  },
  paperclip: {
    image: 'ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y',
    ports: ['127.0.0.1:3100:3100'],
    routing: ['paperclip.sodimo.eu', 'paperclip:3100'],
    dependsOn: ['paperclip-db', 'litellm'],
    // The Postgres password inside DATABASE_URL; the LiteLLM master key as both SDK keys.
    secrets: ['PAPERCLIP_SECRETS_MASTER_KEY', 'BETTER_AUTH_SECRET', 'DATABASE_URL', 'ANTHROPIC_API_KEY', 'OPENAI_API_KEY'],
    also: ['paperclip.env', 'paperclipai/paperclip', 'paperclip-data.volume', 'pi-models.json', 'dotfiles#16', '`unit-known-broken`', 'placeholder'],
  },
};

/** The block of one `- **Label** · …` field of an entry, nested items included. */
function fieldOf(entry: string, label: string): string {
  const lines = entry.split('\n');
  const start = lines.findIndex(line => line.startsWith(`- **${label}**`));
  if (start < 0) return '';
  const block = [lines[start]];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    block.push(line);
  }
  return block.join('\n');
}

let inventory: Inventory;
let guide: HandoffGuide;

beforeAll(async () => {
  inventory = await readExample(path.resolve(__dirname, '../../../../examples/sodimo'));
  guide = generateHandoffGuide(inventory, { box: 'sodimo', findings: findingsOf(inventory) });
});

describe.each(Object.entries(FACTS))('the %s entry', (service, facts) => {
  const entry = () => guide.sections.find(s => s.id === `service-${service}`)?.markdown ?? '';

  it('is the service entry, the same text as in its file (links aside)', () => {
    const withoutTargets = (markdown: string) => markdown.replace(/\]\([^)]*\)/g, ']()');
    expect(entry()).toContain(`### ${service}\n`);
    expect(withoutTargets(guide.files.find(f => f.path === `services/${service}.md`)?.content ?? '')).toContain(withoutTargets(entry().trimEnd()));
  });

  it('names the image with its pin state', () => {
    expect(fieldOf(entry(), 'Image')).toContain(`\`${facts.image}`);
    expect(fieldOf(entry(), 'Image')).toMatch(/pinned by digest|version tag|floating tag/);
  });

  it('lists the host ports', () => {
    for (const port of facts.ports) expect(fieldOf(entry(), 'Ports')).toContain(`\`${port}\``);
  });

  it('says how traffic reaches it', () => {
    for (const hop of facts.routing) expect(fieldOf(entry(), 'Routing')).toContain(hop);
  });

  it('lists what it depends on', () => {
    for (const target of facts.dependsOn) expect(fieldOf(entry(), 'Depends on')).toContain(`\`${target}\``);
  });

  it('names its secrets, never their values', () => {
    const expected = facts.secrets === 'none' ? ['none found'] : facts.secrets.map(name => `\`${name}\``);
    for (const text of expected) expect(fieldOf(entry(), 'Secrets')).toContain(text);
    expect(entry()).not.toContain('bitwardenFields');
  });

  it('carries the other facts of the chapter', () => {
    for (const fact of facts.also ?? []) expect(entry()).toContain(fact);
  });
});
