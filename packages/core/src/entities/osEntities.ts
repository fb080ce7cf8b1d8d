import type { KernelArg, OsFacts } from '../inventory/types';
import { compact } from './compact';
import type { EntityLike } from './entityLike';
import type { MappingContext } from './mappingContext';
import type { KernelArgsQuadletSpec, OsImageQuadletSpec } from './quadletSpec';

/** The OS image (mkosi / bootc) as a Resource (`os-image`), part of the box's System. */
export function osImageEntity(ctx: MappingContext, os: OsFacts): EntityLike {
  const planned = ctx.plan.osImage!;
  const quadlet: OsImageQuadletSpec = compact({
    kind: 'os-image' as const,
    distribution: os.distribution,
    release: os.release,
    architecture: os.architecture,
    imageId: os.imageId,
    imageVersion: os.imageVersion,
    format: os.format,
    baseImage: os.baseImage,
    packages: [...os.packages],
    source: ctx.places.place(os.source),
    decisions: ctx.cite(planned.ref),
  });
  const release = [os.distribution, os.release].filter(Boolean).join(' ');
  return ctx.entity(planned, {
    title: release ? `OS image (${release})` : 'OS image',
    description: `The box's OS image${release ? `: ${release}` : ''}${os.architecture ? ` on ${os.architecture}` : ''}`,
    source: os.source,
    annotations: {
      'quadlet-portal.io/os-distribution': os.distribution,
      'quadlet-portal.io/os-release': os.release,
      'quadlet-portal.io/image': os.baseImage,
    },
    spec: { type: 'os-image', owner: ctx.owner, system: ctx.system, quadlet },
  });
}

/** Every kernel argument of the box (`kargs.d`, mkosi `KernelCommandLine=`) as one Resource (`kernel-args`). */
export function kernelArgsEntity(ctx: MappingContext, args: readonly KernelArg[]): EntityLike {
  const planned = ctx.plan.kernelArgs!;
  const files = new Map<string, KernelArgsQuadletSpec['files'][number]>();
  const converted = args.map(k => {
    const key = `${k.source.tree}\0${k.source.path}`;
    if (!files.has(key)) files.set(key, ctx.places.file(k.source.tree, k.source.path));
    return compact({
      arg: k.arg,
      key: k.key,
      value: k.value,
      architectures: [...k.architectures],
      rationale: k.rationale,
      from: k.from,
      source: ctx.places.place(k.source),
      decisions: [...k.decisions].sort(),
    });
  });
  const quadlet: KernelArgsQuadletSpec = {
    kind: 'kernel-args',
    args: converted,
    files: [...files.values()],
    decisions: ctx.cite(planned.ref, args.flatMap(k => k.decisions)),
  };
  return ctx.entity(planned, {
    title: 'Kernel arguments',
    description: `${args.length} kernel argument${args.length === 1 ? '' : 's'}: ${args.map(k => k.arg).join(' ')}`.slice(0, 500),
    source: args[0].source,
    spec: { type: 'kernel-args', owner: ctx.owner, system: ctx.system, quadlet },
  });
}
