import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import {
  ANNOTATION_BOX,
  ANNOTATION_SERVICE_NAME,
  ANNOTATION_SOURCE,
  ANNOTATION_UNIT_FILE,
  ANNOTATION_VIEW_URL,
  annotation,
  parseTreeLocation,
  type TreeLocation,
} from '../../annotations';
import { RELATION_CITES, relationTargets } from '../../relations';
import type { UnitQuadletSpec } from '../../spec';
import { list, quadletSpec, refName } from '../../specReaders';
import { placeText } from '../../places';
import { EmptyNote } from '../common/EmptyNote';
import { ExternalLink } from '../common/ExternalLink';
import { FactList } from '../common/FactList';
import { Mono } from '../common/Mono';
import { SourceRef } from '../common/SourceRef';

/**
 * Where the entity comes from: the exact file (and line) in the box's repositories, the unit and
 * service names, drop-ins, `Documentation=` links and the decisions it cites.
 */
export function QuadletSourceCard() {
  const { entity } = useEntity();
  // Units carry the most source facts; other kinds simply lack some of these fields.
  const spec = quadletSpec<UnitQuadletSpec>(entity);
  const location = parseTreeLocation(annotation(entity, ANNOTATION_SOURCE));
  const viewUrl = annotation(entity, ANNOTATION_VIEW_URL);
  const box = annotation(entity, ANNOTATION_BOX);
  const namespace = entity.metadata.namespace ?? 'default';
  const documentation = list(spec.documentation);
  const dropIns = list(spec.dropIns);
  const decisions = citedDecisions(
    relationTargets(entity, RELATION_CITES),
    list(spec.decisions),
    namespace,
  );

  return (
    <EntityInfoCard title="Source">
      <FactList
        facts={[
          {
            label: 'File',
            value: <SourceFile location={location} viewUrl={viewUrl} />,
          },
          {
            label: 'Unit file',
            value: optionalMono(
              annotation(entity, ANNOTATION_UNIT_FILE) ?? spec.unitFile,
            ),
          },
          {
            label: 'Service',
            value: optionalMono(
              annotation(entity, ANNOTATION_SERVICE_NAME) ?? spec.serviceName,
            ),
          },
          { label: 'Podman name', value: optionalMono(spec.resourceName) },
          {
            label: 'Box',
            value: box ? (
              <EntityRefLink
                entityRef={`system:${namespace}/${box}`}
                hideIcon
              />
            ) : undefined,
          },
          {
            label: 'Drop-ins',
            value: dropIns.length ? (
              <Flex direction="column" gap="1">
                {dropIns.map(dropIn => (
                  <SourceRef
                    key={`${dropIn.tree}:${dropIn.path}`}
                    place={dropIn}
                  />
                ))}
              </Flex>
            ) : undefined,
          },
          {
            label: 'Documentation',
            value: documentation.length ? (
              <Flex direction="column" gap="1">
                {documentation.map(url => (
                  <ExternalLink key={url} url={url} />
                ))}
              </Flex>
            ) : undefined,
          },
          {
            label: 'Decisions',
            value: decisions.length ? (
              <Flex gap="2" style={{ flexWrap: 'wrap' }}>
                {decisions.map(ref => (
                  <EntityRefLink key={ref} entityRef={ref} hideIcon>
                    {refName(ref).toLocaleUpperCase('en-US')}
                  </EntityRefLink>
                ))}
              </Flex>
            ) : undefined,
          },
        ]}
      />
      {!location && documentation.length === 0 && (
        <EmptyNote>
          The provider recorded no source file for this entity.
        </EmptyNote>
      )}
    </EntityInfoCard>
  );
}

function optionalMono(value: string | undefined) {
  return value ? <Mono>{value}</Mono> : undefined;
}

/** Relations when the catalog has them; else the ids in the spec (`D-106` → `decision:<ns>/d-106`). */
function citedDecisions(
  relationRefs: string[],
  ids: string[],
  namespace: string,
): string[] {
  if (relationRefs.length) return relationRefs;
  return ids.map(
    id => `decision:${namespace}/${id.toLocaleLowerCase('en-US')}`,
  );
}

/** The entity's own file: a link with the view URL (GitHub trees), else `tree:path:line` as text. */
function SourceFile(props: {
  location: TreeLocation | undefined;
  viewUrl: string | undefined;
}) {
  if (!props.location) return <>not recorded</>;
  const text = placeText(props.location);
  if (!props.viewUrl)
    return <Mono title="A local tree: no browser URL">{text}</Mono>;
  return (
    <ExternalLink url={props.viewUrl}>
      <Mono>{text}</Mono>
    </ExternalLink>
  );
}
