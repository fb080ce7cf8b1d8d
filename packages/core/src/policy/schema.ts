import { z } from 'zod';
import { parseDecisionId } from '../formats/decisions/decisionId';

/**
 * The policy file's schema, section by section. Lists are validated item by item (see
 * `parsePolicyFile`), so one bad waiver drops that waiver, not the whole file; a section whose
 * own shape is wrong falls back to its default. Every object is strict: a misspelt key is an
 * error, never silently ignored.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const kernelArgItem = z
  .string()
  .regex(
    /^[^\s="']+(=\S*)?$/,
    'a kernel argument is one word: `key` or `key=value`',
  );

/** Releases are compared as numbers when both sides are numbers (`42`), else as text (`rawhide`). */
const release = z
  .union([z.string().trim().min(1), z.number().int().nonnegative()])
  .transform(String);

export const llamaServerFlagItem = z
  .string()
  .regex(
    /^--?[A-Za-z0-9][\w.-]*$/,
    'one flag per entry, without its value (`--cache-reuse`, not `--cache-reuse 256`): values are not compared',
  );

export const rootlessOptionItem = z
  .string()
  .regex(
    /^([A-Z][A-Za-z]+=\S+|--?[a-z][\w-]*(=\S+)?)$/,
    'write a quadlet assignment (`GroupAdd=keep-groups`) or a podman flag (`--group-add=render`)',
  );

const registryItem = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?$/,
    'a registry host, such as `ghcr.io` or `registry.local:5000`',
  );

const checkId = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'a check id is kebab-case (`image-floating-tag`)',
  );

const decisionId = z
  .string()
  .refine(
    value => parseDecisionId(value) !== null,
    'a decision id such as `D-167` or `ADR-0012`',
  );

const issueLink = z
  .string()
  .regex(
    /^(https?:\/\/\S+|[\w.-]+\/[\w.-]+#\d+|#\d+)$/,
    'an issue URL or `owner/repo#17`',
  );

/** `YYYY-MM-DD`, a real calendar day. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written `YYYY-MM-DD`')
  .refine(value => {
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    );
  }, 'not a calendar day');

export const knownBrokenItem = z
  .object({
    unit: nonEmpty,
    reason: nonEmpty,
    issue: issueLink.optional(),
    decision: decisionId.optional(),
  })
  .strict();

export const waiverItem = z
  .object({
    check: checkId,
    entity: nonEmpty,
    detail: nonEmpty.optional(),
    reason: nonEmpty,
    decision: decisionId,
    expires: day,
  })
  .strict();

const severity = z.enum(['error', 'warning', 'info']);

/** Sections whose list fields hold `unknown`: their items are checked one by one. */
export const sectionSchemas = {
  version: z.literal(1, {
    errorMap: () => ({ message: 'the only policy version is 1' }),
  }),
  kernelArgs: z
    .object({
      required: z.array(z.unknown()).optional(),
      forbidden: z.array(z.unknown()).optional(),
    })
    .strict(),
  os: z
    .object({
      distribution: nonEmpty.optional(),
      minRelease: release.optional(),
      maxRelease: release.optional(),
      reason: nonEmpty.optional(),
    })
    .strict(),
  podman: z
    .object({
      version: z
        .string({
          invalid_type_error:
            'quote the version (`"5.10"` written bare reads as 5.1)',
        })
        .regex(/^\d+\.\d+(\.\d+)?$/, 'a podman release such as `"5.8"`'),
    })
    .strict(),
  images: z
    .object({ trustedRegistries: z.array(z.unknown()).optional() })
    .strict(),
  llamaSwap: z
    .object({
      proxyHost: nonEmpty.optional(),
      mandatoryFlags: z.array(z.unknown()).optional(),
    })
    .strict(),
  rootless: z
    .object({ incompatibleOptions: z.array(z.unknown()).optional() })
    .strict(),
  knownBroken: z
    .object({
      label: nonEmpty.nullable().optional(),
      units: z.array(z.unknown()).optional(),
    })
    .strict(),
  waivers: z.array(z.unknown()),
  checks: z.record(
    checkId,
    z
      .object({
        severity: severity.optional(),
        enabled: z.boolean().optional(),
      })
      .strict(),
  ),
} as const;

/** Item schemas of the list fields, by section and field (`''` for a section that is a list). */
export const listItemSchemas: Record<string, Record<string, z.ZodTypeAny>> = {
  kernelArgs: { required: kernelArgItem, forbidden: kernelArgItem },
  images: { trustedRegistries: registryItem },
  llamaSwap: { mandatoryFlags: llamaServerFlagItem },
  rootless: { incompatibleOptions: rootlessOptionItem },
  knownBroken: { units: knownBrokenItem },
  waivers: { '': waiverItem },
};

export type PolicySection = keyof typeof sectionSchemas;
export const POLICY_SECTIONS = Object.keys(sectionSchemas) as PolicySection[];
