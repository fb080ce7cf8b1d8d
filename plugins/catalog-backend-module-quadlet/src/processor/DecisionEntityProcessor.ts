import {
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  processingResult,
  type CatalogProcessor,
  type CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import {
  isDecisionEntity,
  RELATION_CITED_BY,
  RELATION_CITES,
  validateDecisionEntity,
  type DecisionEntitySpec,
} from '@quadlet-portal/core';

/**
 * Teaches the catalog the `Decision` kind (`quadlet-portal.io/v1alpha1`): validates it with the
 * core's schema and turns its spec into relations, both directions emitted here because the
 * catalog only adds inverses for the kinds it knows:
 *
 * - `spec.citedBy[]`: decision `citedBy` entity, entity `cites` decision;
 * - `spec.owner`: `ownedBy` / `ownerOf`;
 * - `spec.system`: `partOf` / `hasPart`, so the box's System lists its decisions.
 */
export class DecisionEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'QuadletDecisionEntityProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isDecisionEntity(entity)) return false;
    const result = validateDecisionEntity(entity);
    if (!result.ok) {
      throw new InputError(
        `Invalid Decision ${entity.metadata.namespace ?? 'default'}/${
          entity.metadata.name
        }: ${result.errors.join('; ')}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isDecisionEntity(entity)) return entity;
    const self = getCompoundEntityRef(entity);
    const namespace = self.namespace;
    const spec = entity.spec as Partial<DecisionEntitySpec> | undefined;

    const pair = (
      target: CompoundEntityRef,
      outward: string,
      inward: string,
    ) => {
      emit(processingResult.relation({ source: self, type: outward, target }));
      emit(
        processingResult.relation({
          source: target,
          type: inward,
          target: self,
        }),
      );
    };
    const refOf = (
      ref: string,
      defaultKind: string | undefined,
      field: string,
    ): CompoundEntityRef | undefined => {
      try {
        return parseEntityRef(ref, {
          defaultKind,
          defaultNamespace: namespace,
        });
      } catch (error) {
        emit(
          processingResult.inputError(
            location,
            `Decision ${
              self.name
            }: ${field} "${ref}" is not an entity ref: ${String(error)}`,
          ),
        );
        return undefined;
      }
    };

    for (const citing of spec?.citedBy ?? []) {
      const target = refOf(citing, undefined, 'spec.citedBy');
      if (target) pair(target, RELATION_CITED_BY, RELATION_CITES);
    }
    if (spec?.owner) {
      const owner = refOf(spec.owner, 'group', 'spec.owner');
      if (owner) pair(owner, RELATION_OWNED_BY, RELATION_OWNER_OF);
    }
    if (spec?.system) {
      const system = refOf(spec.system, 'system', 'spec.system');
      if (system) pair(system, RELATION_PART_OF, RELATION_HAS_PART);
    }
    return entity;
  }
}
