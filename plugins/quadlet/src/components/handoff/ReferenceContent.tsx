import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, ButtonLink, Flex, Text } from '@backstage/ui';
import { ANNOTATION_BOX, annotation } from '../../annotations';
import { handoffApiRef } from '../../handoff/api';
import { useLoader } from '../../handoff/useLoader';
import { GuideSectionView } from './GuideSectionView';
import { Loading, LoadProblem } from './LoadProblem';

/** Path of the Handoff tab of the entity's box: its System, in the entity's namespace. */
function useHandoffPath(entity: Entity, box: string): string {
  const entityRoute = useRouteRef(entityRouteRef);
  const namespace = entity.metadata.namespace ?? 'default';
  let system = { kind: 'system', namespace, name: box };
  const spec = entity.spec?.system;
  if (typeof spec === 'string' && spec) {
    try {
      system = parseEntityRef(spec, {
        defaultKind: 'system',
        defaultNamespace: namespace,
      });
    } catch {
      // A malformed spec.system: the box's System by name.
    }
  }
  return `${entityRoute({
    kind: system.kind.toLocaleLowerCase('en-US'),
    namespace: system.namespace,
    name: system.name,
  })}/handoff`;
}

/**
 * The Reference tab of a component of a box: its entry in the box's handoff guide (image and
 * pin, ports, routing, env and secret names, dependencies, known problems, upgrade), with a link
 * to the same place in the whole guide.
 */
export function ReferenceContent() {
  const { entity } = useEntity();
  const box = annotation(entity, ANNOTATION_BOX);
  if (!box) {
    return (
      <Alert
        status="info"
        icon
        title="No handoff reference for this entity"
        description={`It is not part of a box: it has no ${ANNOTATION_BOX} annotation.`}
      />
    );
  }
  return <ReferenceView entity={entity} box={box} />;
}

function ReferenceView(props: { entity: Entity; box: string }) {
  const { entity, box } = props;
  const api = useApi(handoffApiRef);
  const entityRef = stringifyEntityRef(entity);
  const handoffPath = useHandoffPath(entity, box);
  const reference = useLoader(`${box}\n${entityRef}`, () =>
    api.getReference(box, entityRef),
  );

  if (reference.status === 'loading')
    return <Loading what={`Loading the entry of ${entity.metadata.name}…`} />;
  if (reference.status === 'error') {
    if (
      reference.error.status === 404 &&
      /no entry/.test(reference.error.message)
    )
      return (
        <Alert
          status="info"
          icon
          title={`The handoff guide of box ${box} has no entry for ${entity.metadata.name}`}
          description={
            <Flex direction="column" gap="2" align="start">
              <Text variant="body-medium">
                The catalog may be newer than the guide the backend has, or the
                unit has no entry of its own.
              </Text>
              <ButtonLink href={handoffPath} variant="secondary" size="small">
                Open the handoff guide
              </ButtonLink>
            </Flex>
          }
        />
      );
    return (
      <LoadProblem
        title={`The reference entry of ${entity.metadata.name} could not be loaded`}
        error={reference.error}
        onRetry={reference.retry}
      />
    );
  }
  const { location, sections } = reference.value;
  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center" gap="3">
        <Text variant="body-small" color="secondary">
          From the handoff guide of box {reference.value.box}, generated from
          its repositories (<code>{location.path}</code>).
        </Text>
        <ButtonLink
          href={`${handoffPath}#${location.anchor}`}
          variant="secondary"
          size="small"
        >
          Open in the handoff guide
        </ButtonLink>
      </Flex>
      {sections.map(section => (
        <GuideSectionView
          key={section.id}
          section={section}
          linkBase={handoffPath}
          selfRef={entityRef}
          withoutId
        />
      ))}
    </Flex>
  );
}
