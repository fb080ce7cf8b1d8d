import { MarkdownContent } from '@backstage/core-components';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Flex } from '@backstage/ui';
import { decisionFacts } from '../../decisionSpec';
import type { DecisionQuadletSpec } from '../../spec';
import { Chip, type ChipTone } from '../common/Chip';
import { EmptyNote } from '../common/EmptyNote';
import { FactList } from '../common/FactList';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

/** A decision record: recorded in a document or only cited, its own status line, title and text. */
export function DecisionCard() {
  const { entity } = useEntity();
  const spec = decisionFacts(entity).quadlet;
  const id = spec.id ?? entity.metadata.name.toLocaleUpperCase('en-US');
  const status =
    spec.status ?? (entity.spec?.type === 'defined' ? 'defined' : 'cited-only');
  const defined = status === 'defined';

  return (
    <EntityInfoCard
      title={spec.title ? `${id} · ${spec.title}` : id}
      headerActions={
        <Flex gap="2" align="center">
          {spec.recordStatus && (
            <Chip tone={recordStatusTone(spec.recordStatus)}>
              {spec.recordStatus}
            </Chip>
          )}
          <Chip tone={defined ? 'positive' : 'warning'}>
            {defined ? 'recorded' : 'cited only'}
          </Chip>
        </Flex>
      }
    >
      {defined ? (
        <DefinedRecord spec={spec} />
      ) : (
        <Alert
          status="warning"
          icon
          title={`${id} is cited but never recorded`}
          description="No document of the box has a heading or file for it: record it, or correct the citations listed below."
        />
      )}
    </EntityInfoCard>
  );
}

function DefinedRecord(props: { spec: Partial<DecisionQuadletSpec> }) {
  const { spec } = props;
  return (
    <>
      <FactList
        facts={[
          {
            label: 'Recorded at',
            value: spec.definition ? (
              <SourceRef place={spec.definition} />
            ) : (
              'not recorded'
            ),
          },
          {
            label: 'Status line',
            value: spec.recordStatus ? undefined : 'none',
          },
        ]}
      />
      <Section title="Text">
        {spec.text ? (
          <MarkdownContent content={spec.text} dialect="gfm" />
        ) : (
          <EmptyNote>
            The record&apos;s text is not in the catalog: open it at the place
            above.
          </EmptyNote>
        )}
      </Section>
    </>
  );
}

/** `Accepted` reads as settled; `Superseded…`/`Rejected` as no longer in force; anything else as open. */
export function recordStatusTone(state: string): ChipTone {
  const lower = state.toLocaleLowerCase('en-US');
  if (/^(superseded|rejected|deprecated|withdrawn|replaced)/.test(lower))
    return 'negative';
  if (
    /^accepted\b/.test(lower) &&
    !/\((being|partly|partially)|rolling out|in progress/.test(lower)
  )
    return 'positive';
  return 'warning';
}
