import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  checkBoxTrees,
  formatIntroducedProblems,
  introducedErrors,
  pinToDigest,
  planNewQuadlet,
  readBox,
  treesWithFiles,
  validateNewQuadletInput,
  type NewQuadletSpec,
  type PlannedFile,
} from '@quadlet-portal/core';
import type {
  RegistryClientFactory,
  RegistryLookups,
} from '../config/registryOptions';
import { readWorkspaceBox } from '../workspace/boxTrees';
import { writeWorkspaceFiles } from '../workspace/writeFiles';
import { inputError } from './inputs';

export const CREATE_ACTION_ID = 'quadlet:create';

export interface CreateQuadletActionOptions {
  registry: RegistryClientFactory;
  /** The time waivers are judged at; injected by tests. */
  now?: () => Date;
}

/** Pins the requested image: the digest its tag points at now, or a given digest checked to exist. */
async function pinnedImage(
  spec: NewQuadletSpec,
  registry: RegistryLookups,
): Promise<{ image: string; digest: string }> {
  const reference = spec.image;
  if (reference.digest !== undefined) {
    const answer = await registry.resolveDigest(
      `${reference.name}@${reference.digest}`,
    );
    if (answer.status === 'ok')
      return { image: reference.text, digest: reference.digest };
    if (answer.status === 'not-found') {
      throw new InputError(
        `image: the registry has no ${reference.name}@${reference.digest}`,
      );
    }
    throw new Error(
      `image: the registry could not say whether ${reference.text} exists (${answer.reason}); nothing was written`,
    );
  }
  const answer = await registry.resolveDigest(reference);
  if (answer.status === 'not-found') {
    throw new InputError(
      `image: the registry has no ${reference.name}:${
        reference.tag ?? 'latest'
      } (check the name and the tag)`,
    );
  }
  if (answer.status === 'unknown') {
    throw new Error(
      `image: the registry could not give the digest of ${reference.text} (${answer.reason}); the unit is only written pinned by digest, so nothing was written`,
    );
  }
  const pinned = pinToDigest(reference, answer.digest);
  if (!pinned.ok) throw new InputError(`image: ${pinned.reason}`);
  return { image: pinned.reference.text, digest: answer.digest };
}

function summaryMarkdown(
  spec: NewQuadletSpec,
  image: string,
  files: readonly (PlannedFile & { workspacePath: string })[],
  notes: readonly string[],
): string {
  const container = files.find(f => f.what === 'container unit');
  const lines = [
    `Adds the \`${spec.name}\` quadlet to the ${spec.box} box, running \`${image}\` (pinned by digest).`,
    '',
    '| File | Change | What |',
    '| --- | --- | --- |',
    ...files.map(f => `| \`${f.workspacePath}\` | ${f.change} | ${f.what} |`),
  ];
  if (container) {
    lines.push(
      '',
      '```ini',
      container.content.toString('utf8').trimEnd(),
      '```',
    );
  }
  if (notes.length > 0) lines.push('', ...notes.map(n => `- ${n}`));
  lines.push(
    '',
    'The box was read and checked with these files in place: they bring in no error-level finding.',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `quadlet:create`: renders a new quadlet's unit set into the box checked out in the workspace,
 * with its image pinned by digest, then reads and checks the box with the new files before
 * writing anything. Any error the new files bring in fails the task with the finding's text.
 */
export function createQuadletAction(options: CreateQuadletActionOptions) {
  return createTemplateAction({
    id: CREATE_ACTION_ID,
    description:
      'Adds a new Podman quadlet to a box checked out in the workspace: the .container (image pinned by digest), its .volume files, the network and install target when missing, an .env.tmpl with variable names, and for a public hostname a Caddy route and a cloudflared ingress rule. The box is read and checked before anything is written.',
    supportsDryRun: true,
    examples: [
      {
        description: 'A wiki on the sodimo box, published at wiki.sodimo.eu',
        example: [
          'steps:',
          '  - id: create',
          '    action: quadlet:create',
          '    input:',
          '      box: sodimo',
          '      name: wiki',
          '      description: Team wiki',
          '      image: ghcr.io/example/wiki:2.5.1',
          '      ports:',
          '        - hostPort: 8095',
          '          containerPort: 3000',
          '      volumes:',
          '        - name: data',
          '          containerPath: /var/lib/wiki',
          '      environment: [WIKI_SECRET, DATABASE_URL]',
          '      hostname: wiki.sodimo.eu',
          '      dotfilesPath: dotfiles',
          '      osPath: os',
        ].join('\n'),
      },
      {
        description:
          'An internal service without a hostname, in a box checked out at the workspace root',
        example: [
          'steps:',
          '  - id: create',
          '    action: quadlet:create',
          '    input:',
          '      box: sodimo',
          '      name: metrics',
          '      image: docker.io/prom/prometheus:v3.1.0',
          '      ports:',
          '        - hostPort: 9090',
          '          containerPort: 9090',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        box: z =>
          z
            .string()
            .describe(
              'Box name (lowercase letters, digits, dashes): default network `<box>.network`, target `<box>.target`, env folder',
            ),
        name: z =>
          z
            .string()
            .describe(
              'Unit name: `<name>.container`, `ContainerName=<name>`; matches ^[a-z0-9][a-z0-9-]{0,62}$',
            ),
        description: z =>
          z
            .string()
            .optional()
            .describe('`Description=` of the unit (one line)'),
        documentation: z =>
          z.string().optional().describe('`Documentation=` URL'),
        image: z =>
          z
            .string()
            .describe(
              'Registry reference with its registry and tag (`ghcr.io/owner/app:1.2.3`); written pinned by digest',
            ),
        ports: z =>
          z
            .array(
              z.object({
                hostPort: z
                  .union([z.number(), z.string()])
                  .describe('Host port or range `8000-8010`'),
                containerPort: z
                  .union([z.number(), z.string()])
                  .describe('Container port or range of the same length'),
                protocol: z.enum(['tcp', 'udp']).optional(),
                hostIp: z
                  .string()
                  .optional()
                  .describe('Host address; default 127.0.0.1'),
              }),
            )
            .optional()
            .describe('`PublishPort=` entries, on 127.0.0.1 unless told'),
        volumes: z =>
          z
            .array(
              z.object({
                name: z
                  .string()
                  .describe('Volume name, becomes `<unit>-<name>.volume`'),
                containerPath: z
                  .string()
                  .describe('Absolute mount path in the container'),
                readOnly: z.boolean().optional(),
              }),
            )
            .optional(),
        environment: z =>
          z
            .array(z.string())
            .optional()
            .describe('Variable names for the `.env.tmpl` (never values)'),
        hostname: z =>
          z
            .string()
            .optional()
            .describe(
              'Public hostname: Caddy route and cloudflared ingress rule',
            ),
        routePort: z =>
          z
            .union([z.number(), z.string()])
            .optional()
            .describe(
              'Container port Caddy proxies to; default the first container port',
            ),
        network: z =>
          z
            .string()
            .optional()
            .describe(
              'Network unit name without `.network`; default the box name',
            ),
        target: z =>
          z
            .string()
            .optional()
            .describe('`WantedBy=` target; default `<box>.target`'),
        quadletDirectory: z =>
          z
            .string()
            .optional()
            .describe('Default `home/dot_config/containers/systemd`'),
        caddyRoutesDirectory: z =>
          z
            .string()
            .optional()
            .describe('Default `home/dot_config/caddy/routes`'),
        envDirectory: z =>
          z.string().optional().describe('Default `home/dot_config/<box>`'),
        targetDirectory: z =>
          z
            .string()
            .optional()
            .describe('Default `home/dot_config/systemd/user`'),
        ingressService: z =>
          z
            .string()
            .optional()
            .describe(
              'cloudflared `service:`; default the one the other hostnames use',
            ),
        cloudflaredConfig: z =>
          z
            .string()
            .optional()
            .describe(
              "The cloudflared config to edit (`os:path` or a path); default the box's only one",
            ),
        dotfilesPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder holding the dotfiles repository; default the workspace itself',
            ),
        osPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder holding the OS repository (cloudflared config), if any',
            ),
      },
      output: {
        unitFile: z =>
          z.string().describe('Workspace path of the new .container'),
        image: z =>
          z.string().describe('The Image= value written (pinned by digest)'),
        digest: z => z.string(),
        files: z =>
          z.array(
            z.object({
              path: z.string(),
              change: z.enum(['create', 'update']),
              what: z.string(),
            }),
          ),
        notes: z => z.array(z.string()),
        title: z => z.string().describe('Commit / pull-request title'),
        summary: z =>
          z
            .string()
            .describe(
              'Markdown: the files and the unit, for a pull-request body',
            ),
        branchName: z => z.string().describe('A branch name for the change'),
      },
    },
    async handler(ctx) {
      const { dotfilesPath, osPath, ...request } = ctx.input;
      const checked = validateNewQuadletInput(request);
      if (!checked.ok) throw inputError(CREATE_ACTION_ID, checked.problems);
      const spec = checked.spec;
      const box = await readWorkspaceBox(ctx.workspacePath, {
        dotfilesPath,
        osPath,
      });

      const registry = options.registry({
        signal: ctx.signal,
        onRequest: event =>
          ctx.logger.debug(
            `registry ${event.method} ${event.url} → ${
              event.status ?? event.error
            } (try ${event.attempt + 1})`,
          ),
      });
      const { image, digest } = await pinnedImage(spec, registry);
      ctx.logger.info(`${spec.image.text} is ${digest}`);

      const inventory = readBox(box.trees);
      const planned = planNewQuadlet(box.trees, inventory, spec, {
        image,
        tree: 'dotfiles',
      });
      if (!planned.ok) throw inputError(CREATE_ACTION_ID, planned.problems);
      const { plan } = planned;

      const now = options.now?.() ?? new Date();
      const before = checkBoxTrees(spec.box, box.trees, { now });
      const after = checkBoxTrees(
        spec.box,
        treesWithFiles(box.trees, plan.files),
        { now },
      );
      const introduced = introducedErrors(before, after);
      if (introduced.length > 0) {
        throw new Error(
          `${CREATE_ACTION_ID}: the new files would bring errors into the box, so nothing was written:\n${formatIntroducedProblems(
            introduced,
          )}`,
        );
      }

      const rootOf = (tree: string) => box.roots.get(tree)!;
      await writeWorkspaceFiles(
        plan.files.map(file => ({
          root: rootOf(file.tree),
          path: file.path,
          content: file.content,
          change: file.change,
          expected: box.trees
            .find(t => t.name === file.tree)
            ?.files.find(f => f.path === file.path)?.content,
        })),
      );
      const inputPath = (tree: string) =>
        (tree === 'dotfiles' ? dotfilesPath : osPath) ?? '.';
      const written = plan.files.map(file => ({
        ...file,
        workspacePath: [inputPath(file.tree), file.path]
          .filter(p => p !== '.' && p !== '')
          .join('/')
          .replace(/^\.\//, ''),
      }));
      for (const file of written) {
        ctx.logger.info(
          `${file.change === 'create' ? 'created' : 'updated'} ${
            file.workspacePath
          } (${file.what})`,
        );
      }
      for (const note of plan.notes) ctx.logger.warn(note);

      const unit = written.find(f => f.what === 'container unit')!;
      ctx.output('unitFile', unit.workspacePath);
      ctx.output('image', image);
      ctx.output('digest', digest);
      ctx.output(
        'files',
        written.map(f => ({
          path: f.workspacePath,
          change: f.change,
          what: f.what,
        })),
      );
      ctx.output('notes', plan.notes);
      ctx.output('title', `Add the ${spec.name} quadlet`);
      ctx.output('summary', summaryMarkdown(spec, image, written, plan.notes));
      ctx.output(
        'branchName',
        `quadlet/new-${spec.name}-${digest.slice(7, 15)}`,
      );
    },
  });
}
