import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Flex } from '@backstage/ui';
import type { BoxDiagnostic, BoxQuadletSpec } from '../../spec';
import { list, plural, quadletSpec } from '../../specReaders';
import { Chip, type ChipTone } from '../common/Chip';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { Mono } from '../common/Mono';
import { SourceRef } from '../common/SourceRef';

const SEVERITY_ORDER: Record<string, number> = {
  error: 0,
  warning: 1,
  info: 2,
};
const SEVERITY_TONE: Record<string, ChipTone> = {
  error: 'negative',
  warning: 'warning',
  info: 'neutral',
};

/** Errors first, then warnings, then notes; files keep their order within a severity. */
export function sortDiagnostics(diagnostics: BoxDiagnostic[]): BoxDiagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.diagnostic.severity] ?? 3) -
          (SEVERITY_ORDER[b.diagnostic.severity] ?? 3) || a.index - b.index,
    )
    .map(item => item.diagnostic);
}

function countBySeverity(diagnostics: BoxDiagnostic[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}

/**
 * The problems found while reading the box, with file and line, so a broken file is visible in
 * the portal and not only in a log. The provider keeps at most 500 and counts the rest.
 */
export function BoxDiagnosticsCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<BoxQuadletSpec>(entity);
  const diagnostics = sortDiagnostics(list(spec.diagnostics));
  const omitted = spec.diagnosticsOmitted ?? 0;
  const counts = spec.diagnosticCounts ?? countBySeverity(diagnostics);
  const total = counts.error + counts.warning + counts.info;

  return (
    <EntityInfoCard
      title="Diagnostics"
      headerActions={
        total ? (
          <Flex gap="1" align="center">
            {counts.error > 0 && (
              <Chip tone="negative">{plural(counts.error, 'error')}</Chip>
            )}
            {counts.warning > 0 && (
              <Chip tone="warning">{plural(counts.warning, 'warning')}</Chip>
            )}
            {counts.info > 0 && (
              <Chip tone="neutral">{plural(counts.info, 'note')}</Chip>
            )}
          </Flex>
        ) : undefined
      }
    >
      {diagnostics.length === 0 ? (
        <EmptyNote>
          {total === 0
            ? 'Every file of the box was read without a problem.'
            : 'The provider counted problems but listed none on this entity.'}
        </EmptyNote>
      ) : (
        <DataTable
          rows={diagnostics}
          columns={[
            {
              id: 'severity',
              label: 'Severity',
              render: d => (
                <Chip tone={SEVERITY_TONE[d.severity] ?? 'neutral'}>
                  {d.severity}
                </Chip>
              ),
            },
            {
              id: 'where',
              label: 'File',
              render: d => (
                <SourceRef
                  place={{
                    tree: d.tree,
                    path: d.file,
                    line: d.line,
                    url: d.url,
                  }}
                />
              ),
            },
            {
              id: 'message',
              label: 'Message',
              rowHeader: true,
              render: d => d.message,
            },
            {
              id: 'code',
              label: 'Code',
              render: d => (d.code ? <Mono>{d.code}</Mono> : ''),
            },
          ]}
        />
      )}
      {omitted > 0 && (
        <EmptyNote>{`${plural(
          omitted,
          'more diagnostic',
        )} not listed (the entity keeps the first 500).`}</EmptyNote>
      )}
    </EntityInfoCard>
  );
}
