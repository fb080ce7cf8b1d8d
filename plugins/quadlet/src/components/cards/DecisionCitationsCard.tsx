import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import {
  citationRows,
  decisionFacts,
  type CitationPlace,
  type CitationRow,
} from '../../decisionSpec';
import { RELATION_CITED_BY, relationTargets } from '../../relations';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { Mono } from '../common/Mono';
import { SourceRef } from '../common/SourceRef';

/** Every entity that cites the record, with the file and line (or commit) of each citation. */
export function DecisionCitationsCard() {
  const { entity } = useEntity();
  const rows = citationRows(
    relationTargets(entity, RELATION_CITED_BY),
    decisionFacts(entity),
  );
  const entities = rows.filter(row => row.entityRef).length;

  return (
    <EntityInfoCard
      title={`Cited by ${entities} ${entities === 1 ? 'entity' : 'entities'}`}
    >
      {rows.length === 0 ? (
        <EmptyNote>
          Nothing in the box cites this record: no unit, config, doc or commit
          names it.
        </EmptyNote>
      ) : (
        <DataTable
          rows={rows}
          columns={[
            {
              id: 'entity',
              label: 'Entity',
              rowHeader: true,
              render: row => <CitingEntity row={row} />,
            },
            {
              id: 'where',
              label: 'Cited at',
              render: row => <Places places={row.places} />,
            },
          ]}
        />
      )}
    </EntityInfoCard>
  );
}

function CitingEntity(props: { row: CitationRow }) {
  if (!props.row.entityRef) return <span>outside any entity</span>;
  return <EntityRefLink entityRef={props.row.entityRef} />;
}

function Places(props: { places: CitationPlace[] }) {
  if (props.places.length === 0) return <span>place not recorded</span>;
  return (
    <Flex direction="column" gap="1">
      {props.places.map((place, index) =>
        'source' in place ? (
          <SourceRef key={index} place={place.source} />
        ) : (
          <Mono
            key={index}
            title="commit message"
          >{`commit ${place.commit.slice(0, 12)}`}</Mono>
        ),
      )}
    </Flex>
  );
}
