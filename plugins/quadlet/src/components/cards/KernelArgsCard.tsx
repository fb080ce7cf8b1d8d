import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import type { KernelArgsQuadletSpec } from '../../spec';
import { list, quadletSpec } from '../../specReaders';
import { shortPlaceText } from '../../places';
import { DataTable } from '../common/DataTable';
import { EmptyNote } from '../common/EmptyNote';
import { Mono } from '../common/Mono';
import { Section } from '../common/Section';
import { SourceRef } from '../common/SourceRef';

const useStyles = makeStyles({
  rationale: {
    margin: '0 0 var(--bui-space-3, 12px) 0',
    whiteSpace: 'pre-wrap',
    color: 'var(--bui-fg-secondary, inherit)',
    fontSize: 'var(--bui-font-size-3, 14px)',
    lineHeight: 1.5,
  },
});

type KernelArg = KernelArgsQuadletSpec['args'][number];

interface ArgGroup {
  file: string;
  rationale: string;
  args: KernelArg[];
}

/** Args of one file that share an explanation are shown under it once (kargs.d files comment per file). */
export function groupKernelArgs(args: KernelArg[]): ArgGroup[] {
  const groups: ArgGroup[] = [];
  for (const arg of args) {
    const file = arg.source
      ? shortPlaceText({ path: arg.source.path })
      : arg.from ?? 'unknown file';
    const rationale = arg.rationale ?? '';
    const group = groups.find(
      g => g.file === file && g.rationale === rationale,
    );
    if (group) group.args.push(arg);
    else groups.push({ file, rationale, args: [arg] });
  }
  return groups;
}

/** The kernel command line baked into the OS image, argument by argument, with why each is there. */
export function KernelArgsCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const args = list(quadletSpec<KernelArgsQuadletSpec>(entity).args);
  const groups = groupKernelArgs(args);
  return (
    <EntityInfoCard title="Kernel arguments">
      {groups.length === 0 ? (
        <EmptyNote>
          No kargs.d file and no KernelCommandLine=: the image boots with the
          default command line.
        </EmptyNote>
      ) : (
        groups.map(group => (
          <Section
            key={`${group.file}\n${group.rationale}`}
            title={group.file}
            count={group.args.length}
          >
            {group.rationale ? (
              <p className={classes.rationale}>{group.rationale}</p>
            ) : (
              <EmptyNote>No comment explains these arguments.</EmptyNote>
            )}
            <DataTable
              rows={group.args}
              columns={[
                {
                  id: 'arg',
                  label: 'Argument',
                  rowHeader: true,
                  render: arg => <Mono>{arg.arg}</Mono>,
                },
                {
                  id: 'arch',
                  label: 'Architectures',
                  render: arg =>
                    list(arg.architectures).length
                      ? list(arg.architectures).join(', ')
                      : 'all',
                },
                {
                  id: 'line',
                  label: 'Line',
                  render: arg => <SourceRef place={arg.source} short />,
                },
              ]}
            />
          </Section>
        ))
      )}
    </EntityInfoCard>
  );
}
