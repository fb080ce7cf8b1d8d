import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Mono } from './Mono';

/**
 * A link to the entity when the provider resolved the reference, else the name as written, so an
 * unresolved reference is still visible (and marked by the caller).
 */
export function EntityOrName(props: { entityRef?: string; name: string }) {
  if (props.entityRef) {
    return (
      <EntityRefLink entityRef={props.entityRef} hideIcon disableTooltip>
        <Mono>{props.name}</Mono>
      </EntityRefLink>
    );
  }
  return <Mono>{props.name}</Mono>;
}
