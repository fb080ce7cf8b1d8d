/**
 * The minimal shape of a Backstage catalog entity, declared here so the core stays free of
 * Backstage imports. It is structurally `@backstage/catalog-model`'s `Entity` and holds only
 * JSON values; at the Backstage boundary cast it (`as Entity`), since `spec` is typed
 * `Record<string, unknown>` rather than Backstage's `JsonObject`. Relations are left out: the
 * catalog computes them from `spec`.
 */

export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface EntityMetadata {
  name: string;
  namespace: string;
  title?: string;
  description?: string;
  annotations: Record<string, string>;
  labels?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
}

export interface EntityLike<Spec extends object = Record<string, unknown>> {
  apiVersion: string;
  kind: string;
  metadata: EntityMetadata;
  spec: Spec;
}

export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';
