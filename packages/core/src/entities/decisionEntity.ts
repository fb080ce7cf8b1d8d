import { z } from 'zod';
import type { EntityLike } from './entityLike';
import type { DecisionQuadletSpec } from './quadletSpec';

/**
 * The custom `Decision` kind, shared by the mapping (which emits it) and the catalog
 * processor (which validates it and turns `spec.citedBy` into relations), so both read the
 * same names.
 */

export const DECISION_API_VERSION = 'quadlet-portal.io/v1alpha1';
export const DECISION_KIND = 'Decision';

/** `<citing entity> cites <decision>`. */
export const RELATION_CITES = 'cites';
/** `<decision> citedBy <citing entity>`. */
export const RELATION_CITED_BY = 'citedBy';

/** Field names of a Decision's `spec`. */
export const DECISION_SPEC_FIELDS = {
  /** `defined` | `cited-only`. */
  type: 'type',
  owner: 'owner',
  system: 'system',
  /** Full refs of the entities citing it: one `citedBy` (and inverse `cites`) relation each. */
  citedBy: 'citedBy',
  quadlet: 'quadlet',
} as const;

export const DECISION_TYPES = ['defined', 'cited-only'] as const;

/** A type alias, not an interface: it must fit `EntityLike`'s `Record<string, unknown>` spec. */
export type DecisionEntitySpec = {
  type: (typeof DECISION_TYPES)[number];
  owner: string;
  system?: string;
  citedBy: string[];
  quadlet: DecisionQuadletSpec;
};

export interface DecisionEntity extends EntityLike<DecisionEntitySpec> {
  apiVersion: typeof DECISION_API_VERSION;
  kind: typeof DECISION_KIND;
}

const FULL_REF = /^[a-z][a-z0-9]*:[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9A-Z]+([-_.][a-z0-9A-Z]+)*$/i;
const place = z.object({ tree: z.string(), path: z.string(), line: z.number().int().nonnegative(), url: z.string().optional() });

/**
 * Validates what is specific to the kind (the envelope and metadata are left to Backstage's own
 * policies). Unknown extra fields are allowed, so adding a field is not a breaking change.
 */
export const decisionEntitySchema = z
  .object({
    apiVersion: z.literal(DECISION_API_VERSION),
    kind: z.literal(DECISION_KIND),
    metadata: z.object({ name: z.string().min(1), namespace: z.string().min(1).optional() }).passthrough(),
    spec: z
      .object({
        type: z.enum(DECISION_TYPES),
        owner: z.string().min(1),
        system: z.string().min(1).optional(),
        citedBy: z.array(z.string().regex(FULL_REF, 'a full entity ref (kind:namespace/name)')),
        quadlet: z
          .object({
            kind: z.literal('decision'),
            id: z.string().min(1),
            status: z.enum(DECISION_TYPES),
            recordStatus: z.string().optional(),
            title: z.string().optional(),
            text: z.string().optional(),
            definition: place.optional(),
            citations: z.array(z.object({ source: place.optional(), commit: z.string().optional(), refs: z.array(z.string()) }).passthrough()),
          })
          .passthrough(),
      })
      .passthrough()
      .refine(spec => spec.type === spec.quadlet.status, { message: 'must equal spec.quadlet.status', path: ['type'] }),
  })
  .passthrough();

export type DecisionValidation = { ok: true; entity: DecisionEntity } | { ok: false; errors: string[] };

/** Checks an entity of kind Decision; `errors` read `spec.citedBy.0: …`. */
export function validateDecisionEntity(entity: unknown): DecisionValidation {
  const result = decisionEntitySchema.safeParse(entity);
  if (result.success) return { ok: true, entity: entity as DecisionEntity };
  return { ok: false, errors: result.error.issues.map(i => `${i.path.join('.') || '(entity)'}: ${i.message}`) };
}

/** Whether an entity claims to be a Decision (apiVersion and kind), before validating it. */
export function isDecisionEntity(entity: { apiVersion?: unknown; kind?: unknown }): boolean {
  return entity.apiVersion === DECISION_API_VERSION && entity.kind === DECISION_KIND;
}
