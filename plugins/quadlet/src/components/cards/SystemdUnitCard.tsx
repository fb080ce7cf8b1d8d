import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import type { SystemdUnitQuadletSpec } from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { EntityOrName } from '../common/EntityOrName';
import { LeadingComment } from '../common/LeadingComment';
import { FactList, type Fact } from '../common/FactList';
import { Mono } from '../common/Mono';
import { PinTierChip } from '../common/PinTierChip';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

type RunImage = SystemdUnitQuadletSpec['images'][number];

/** A plain systemd service or timer of the box: what it runs, when, and which images it pulls. */
export function SystemdUnitCard() {
  const { entity } = useEntity();
  const spec = quadletSpec<SystemdUnitQuadletSpec>(entity);
  const images = list(spec.images);
  const isTimer = spec.unitType === 'timer';

  return (
    <EntityInfoCard title={isTimer ? 'Timer' : 'Service'}>
      <LeadingComment text={spec.leadingComment} />
      <FactList
        facts={[
          {
            label: 'Scope',
            value: spec.scope ? scopeText(spec.scope) : undefined,
          },
          ...(isTimer ? timerFacts(spec) : serviceFacts(spec)),
        ]}
      />
      {!isTimer && (
        <Section title="Images it runs" count={images.length}>
          {images.length ? (
            <DataTable
              rows={images}
              columns={[
                {
                  id: 'image',
                  label: 'Image',
                  rowHeader: true,
                  render: (image: RunImage) => <Mono>{image.text}</Mono>,
                },
                {
                  id: 'tier',
                  label: 'Pinning',
                  render: image => (
                    <PinTierChip
                      tier={image.pinTier}
                      reason={image.pinReason}
                    />
                  ),
                },
                {
                  id: 'where',
                  label: 'Found in',
                  render: image => (
                    <>
                      {image.via === 'script' ? 'script ' : 'ExecStart= '}
                      <SourceRef place={image.script ?? image.source} short />
                    </>
                  ),
                },
              ]}
            />
          ) : (
            <EmptyNote>
              No podman run in its commands or the scripts they call.
            </EmptyNote>
          )}
        </Section>
      )}
    </EntityInfoCard>
  );
}

function scopeText(scope: string): string {
  if (scope === 'user') return 'user (rootless, systemctl --user)';
  if (scope === 'system') return 'system';
  return 'unknown';
}

function serviceFacts(spec: Partial<SystemdUnitQuadletSpec>): Fact[] {
  const commands = list(spec.commands);
  return [
    {
      label: 'Runs',
      value: commands.length ? (
        <Mono>{commands.join(', ')}</Mono>
      ) : (
        'no ExecStart='
      ),
    },
  ];
}

function timerFacts(spec: Partial<SystemdUnitQuadletSpec>): Fact[] {
  const onCalendar = list(spec.onCalendar);
  return [
    {
      label: 'Schedule',
      value: onCalendar.length ? (
        <Mono>{onCalendar.join(', ')}</Mono>
      ) : (
        'no OnCalendar='
      ),
    },
    {
      label: 'Starts',
      value: spec.activates ? (
        <EntityOrName
          entityRef={spec.activates.ref}
          name={spec.activates.name}
        />
      ) : (
        'the service of the same name'
      ),
    },
  ];
}
