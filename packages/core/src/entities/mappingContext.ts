import type { SourceRef } from '../inventory/types';
import type { BoxDescriptor } from './boxDescriptor';
import { BACKSTAGE_API_VERSION, type EntityLike, type EntityLink } from './entityLike';
import type { EntityPlan, PlannedEntity } from './entityRefs';
import type { SourcePlaces } from './sourcePlaces';

export const ANNOTATION_BOX = 'quadlet-portal.io/box';

/** What every entity builder shares: the box, the planned names, links, and who cites what. */
export class MappingContext {
  /** Decision id → refs of the entities citing it. */
  readonly citedBy = new Map<string, Set<string>>();
  /** Entity ref → decision ids its places cite (from the inventory's citations). */
  private readonly citedAt = new Map<string, Set<string>>();

  constructor(
    readonly box: BoxDescriptor,
    readonly plan: EntityPlan,
    readonly places: SourcePlaces,
  ) {}

  get owner(): string {
    return this.box.owner;
  }

  /** `spec.system`: the System's name, in the same namespace. */
  get system(): string {
    return this.plan.system.name;
  }

  /** Records that a citation of decision `id` belongs to the entity `ref`. */
  citedIn(ref: string, id: string): void {
    add(this.citedAt, ref, id);
    add(this.citedBy, id, ref);
  }

  /**
   * Records that `ref` cites each decision of the lists (its own `decisions`), and returns
   * those ids plus the ones found at its places, sorted (for `spec.quadlet.decisions`).
   */
  cite(ref: string, ...lists: (readonly string[] | undefined)[]): string[] {
    const ids = new Set<string>(this.citedAt.get(ref));
    for (const list of lists) for (const id of list ?? []) ids.add(id);
    for (const id of ids) add(this.citedBy, id, ref);
    return [...ids].sort();
  }

  /**
   * An entity with the annotations every one carries (box, source location and view URL of
   * `source`, the location it is managed by), its title when the name had to differ from its label, sorted tags and
   * the http(s) documentation links.
   */
  entity<Spec extends object>(
    planned: PlannedEntity,
    parts: {
      apiVersion?: string;
      title?: string;
      description?: string;
      source?: SourceRef;
      annotations?: Record<string, string | undefined>;
      tags?: (string | false | undefined)[];
      links?: EntityLink[];
      documentation?: readonly string[];
      spec: Spec;
    },
  ): EntityLike<Spec> {
    const annotations: Record<string, string> = { [ANNOTATION_BOX]: this.box.name };
    if (parts.source) Object.assign(annotations, this.places.annotations(parts.source));
    for (const [key, value] of Object.entries(parts.annotations ?? {})) if (value !== undefined) annotations[key] = value;
    // The file the entity was read from, so the catalog (and the CLI's output) can say where it is managed.
    Object.assign(annotations, this.places.locationAnnotations(parts.source));

    const title = parts.title ?? (planned.name !== planned.label ? planned.label : undefined);
    const tags = [...new Set(parts.tags?.filter((t): t is string => typeof t === 'string'))].sort();
    const links = [...(parts.links ?? []), ...documentationLinks(parts.documentation ?? [])];

    const metadata: EntityLike['metadata'] = { name: planned.name, namespace: this.plan.namespace, annotations };
    if (title) metadata.title = title;
    if (parts.description) metadata.description = parts.description;
    if (tags.length > 0) metadata.tags = tags;
    if (links.length > 0) metadata.links = links;
    return { apiVersion: parts.apiVersion ?? BACKSTAGE_API_VERSION, kind: planned.kind, metadata, spec: parts.spec };
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** `Documentation=` values a browser can open; `man:` and `info:` pages stay in `spec.quadlet` only. */
function documentationLinks(values: readonly string[]): EntityLink[] {
  const seen = new Set<string>();
  const links: EntityLink[] = [];
  for (const url of values) {
    // A URL with user info could carry a password: it stays out of the links.
    if (!/^https?:\/\/\S+$/i.test(url) || /^https?:\/\/[^/]*@/i.test(url) || seen.has(url)) continue;
    seen.add(url);
    links.push({ url, title: `Documentation: ${hostOf(url)}`, type: 'documentation', icon: 'docs' });
  }
  return links;
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/[/?#].*$/, '');
}
