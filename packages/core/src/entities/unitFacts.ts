import { looksLikeSecretName } from '../formats/common';
import type { DependencyEdge, EnvFile, EnvFileRef, ImageFact, NamedValueRef } from '../inventory/types';
import { compact } from './compact';
import type { MappingContext } from './mappingContext';
import type { UnitDependencyFact, QuadletEnvFile, QuadletImage, SourcePlace } from './quadletSpec';

/**
 * Dependency kinds drawn as `dependsOn`: the unit cannot run without the target. Ordering
 * (`After=`), install (`WantedBy=`) and failure hooks are kept as facts but not drawn.
 */
export const DEPENDS_ON_KINDS: ReadonlySet<string> = new Set([
  'requires',
  'requisite',
  'wants',
  'bindsTo',
  'upholds',
  'volume',
  'network',
  'pod',
  'image',
  'mount',
  'triggers',
]);

/** Conversions of inventory facts into `spec.quadlet` facts, shared by the unit builders. */
export class UnitFacts {
  constructor(
    private readonly ctx: MappingContext,
    private readonly envFiles: ReadonlyMap<string, EnvFile>,
  ) {}

  /** The entity a unit id (quadlet or systemd) became, if any. */
  refOfUnit(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    return (this.ctx.plan.units.get(id) ?? this.ctx.plan.systemdUnits.get(id))?.ref;
  }

  /** A unit of the box by the name other units use for it (`x.volume`, `x.image`). */
  refOfUnitName(name: string, byName: ReadonlyMap<string, string>): string | undefined {
    return this.refOfUnit(byName.get(name));
  }

  image(fact: ImageFact, unitIdsByName: ReadonlyMap<string, string>): QuadletImage {
    return compact({
      text: fact.text,
      kind: fact.kind,
      normalized: fact.normalized,
      registry: fact.registry,
      repository: fact.repository,
      tag: fact.tag,
      digest: fact.digest,
      shortName: fact.shortName,
      pinTier: fact.pinTier,
      pinReason: fact.pinReason,
      placeholder: fact.placeholder,
      commitTag: fact.commitTag,
      unit: fact.unit,
      ref: fact.kind === 'unit' && fact.unit ? this.refOfUnitName(fact.unit, unitIdsByName) : undefined,
      error: fact.error,
      source: this.ctx.places.place(fact.source),
    });
  }

  /** Every edge as a fact; `dependsOn` gets the refs of those that point at an entity other than `self`. */
  dependencies(edges: readonly DependencyEdge[], self: string): { facts: UnitDependencyFact[]; dependsOn: string[] } {
    const facts: UnitDependencyFact[] = [];
    const dependsOn = new Set<string>();
    for (const edge of edges) {
      const ref = edge.resolved ? this.refOfUnit(edge.targetId) : undefined;
      const relation = ref !== undefined && ref !== self && DEPENDS_ON_KINDS.has(edge.kind);
      facts.push(
        compact({
          kind: edge.kind,
          key: edge.key,
          target: edge.target,
          service: edge.service,
          resolved: edge.resolved,
          wellKnown: edge.wellKnown,
          ref,
          relation,
          source: this.ctx.places.place(edge.source),
        }),
      );
      if (relation && ref !== undefined) dependsOn.add(ref);
    }
    return { facts, dependsOn: [...dependsOn].sort() };
  }

  /** Env files joined with what the box knows of them; variable names only. */
  envFileFacts(refs: readonly EnvFileRef[]): { facts: QuadletEnvFile[]; decisions: string[] } {
    const decisions: string[] = [];
    const facts = refs.map(r => {
      const known = this.envFiles.get(r.envFile);
      if (known) decisions.push(...known.decisions);
      return compact<QuadletEnvFile>({
        path: r.path,
        key: r.envFile,
        optional: r.optional,
        status: known?.status ?? 'unknown',
        file: known?.file && this.ctx.places.file(known.file.tree, known.file.path),
        variables: known ? known.variables.map(v => v.name) : [],
        source: this.ctx.places.place(r.source),
      });
    });
    return { facts, decisions };
  }

  names(values: readonly NamedValueRef[]): { name: string; source: SourcePlace }[] {
    return values.map(v => ({ name: v.name, source: this.ctx.places.place(v.source) }));
  }

  dropIns(dropIns: readonly { tree: string; path: string }[]): SourcePlace[] {
    return dropIns.map(d => this.ctx.places.file(d.tree, d.path));
  }
}

/** Annotations and tags of an image: as written, digest, pin tier. */
export function imageAnnotations(image: ImageFact | undefined): Record<string, string | undefined> {
  if (!image) return {};
  return {
    'quadlet-portal.io/image': image.text,
    'quadlet-portal.io/image-digest': image.digest,
    'quadlet-portal.io/pin-tier': image.pinTier,
  };
}

export function imageTags(image: ImageFact | undefined): (string | false | undefined)[] {
  if (!image) return [];
  return [image.pinTier && `pin-${image.pinTier}`, image.shortName === true && 'short-name', image.placeholder === true && 'placeholder-tag'];
}

/** `Documentation=` values without user info (`https://user:pass@host` → `https://host`). */
export function safeDocumentation(values: readonly string[]): string[] {
  return values.map(v => v.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1'));
}

/**
 * A setting value with the values of secret-looking `name=value` pairs inside it removed
 * (`Options=username=x,password=y`): the inventory only looks at the key of the line.
 */
export function scrubSettingValue(value: string): string {
  return value.replace(/([A-Za-z_][\w.-]*)=([^,\s]*)/g, (whole, name: string) => (looksLikeSecretName(name) ? `${name}=(redacted)` : whole));
}
