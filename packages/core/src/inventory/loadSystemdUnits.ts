import { leadingCommentOf } from '../quadlet';
import {
  buildEffectiveUnit,
  lookup,
  lookupAllArgs,
  lookupAllEntries,
  lookupAllStrv,
  parseKeyValueWords,
  parseUnitName,
  type EffectiveUnit,
} from '../unit';
import type { BoxFiles } from './boxFiles';
import { DropInIndex } from './dropInIndex';
import { imageFactOf } from './imageFact';
import { podmanRunImage, podmanRunsInScript } from './podmanRunImage';
import { envFileRefOf } from './quadletView';
import { redactArgs } from './redact';
import type { TreeFile, TreeIndex } from './treeIndex';
import type {
  InventorySystemdUnit,
  SourceRef,
  SystemdUnitType,
  UnitScope,
} from './types';
import { isSystemdUnitName, type UnitFile } from './unitFiles';
import type { UnitParser } from './unitParser';
import { unitScopeOf } from './unitScope';

/** A plain systemd unit with its merged file, kept for the dependency pass. */
export interface LoadedSystemdUnit {
  unit: InventorySystemdUnit;
  effective: EffectiveUnit;
  parser: UnitParser;
}

/**
 * Reads the plain systemd units of one tree (services, timers, targets…), merges their
 * drop-ins, and lists what they run. A `foo.service.d/` folder without `foo.service` is an
 * override of a unit the OS ships, kept with `overrideOnly`.
 */
export function loadSystemdUnits(
  tree: TreeIndex,
  parser: UnitParser,
  files: UnitFile[],
  box: BoxFiles,
): LoadedSystemdUnit[] {
  const units = files.filter(f => f.kind === 'systemd');
  const dropIns = files.filter(
    f => f.kind === 'drop-in' && f.dropInFor && isSystemdUnitName(f.dropInFor),
  );
  const byUnitPath = new Map(dropIns.map(f => [f.unitPath, f]));
  const index = new DropInIndex(byUnitPath.keys());
  const out: LoadedSystemdUnit[] = [];
  const definedNames = new Set<string>();

  const build = (
    main: UnitFile | undefined,
    name: string,
    mainFile: TreeFile,
  ) => {
    const scope = unitScopeOf(mainFile.target, mainFile.path, tree.role);
    const found = index.find(
      name,
      parent => unitScopeOf(undefined, `${parent}/x`, tree.role) === scope,
    );
    const dropInDocs = found.map(
      d => parser.parse(byUnitPath.get(d.path)!.file, d.path).document,
    );
    const mainDoc = main
      ? parser.parse(main.file, main.unitPath).document
      : dropInDocs[0];
    const rest = main ? dropInDocs : dropInDocs.slice(1);
    if (!mainDoc) return;
    const effective = buildEffectiveUnit(mainDoc, rest, name);
    const unit = systemdViewOf(tree, parser, effective, {
      name,
      scope,
      file: mainFile,
      overrideOnly: main === undefined,
      dropIns: found.map(d => ({
        tree: tree.name,
        path: parser.sourcePath(d.path),
        directory: d.directoryName,
      })),
      box,
      leading: main ? leadingCommentOf(mainDoc)?.value ?? '' : '',
    });
    out.push({ unit, effective, parser });
  };

  for (const file of units) {
    definedNames.add(file.name);
    build(file, file.name, file.file);
  }
  for (const folder of index.folders()) {
    const name = folder.name.slice(0, -2);
    if (
      !isSystemdUnitName(name) ||
      folder.files.length === 0 ||
      definedNames.has(name)
    )
      continue;
    definedNames.add(name);
    const first = byUnitPath.get(
      `${folder.parent ? `${folder.parent}/` : ''}${folder.name}/${
        folder.files.slice().sort()[0]
      }`,
    );
    if (first) build(undefined, name, first.file);
  }
  return out;
}

interface ViewContext {
  name: string;
  scope: UnitScope;
  file: TreeFile;
  overrideOnly: boolean;
  dropIns: InventorySystemdUnit['dropIns'];
  box: BoxFiles;
  leading: string;
}

function systemdViewOf(
  tree: TreeIndex,
  parser: UnitParser,
  u: EffectiveUnit,
  ctx: ViewContext,
): InventorySystemdUnit {
  const ref = (file: string, line: number): SourceRef => ({
    tree: tree.name,
    path: parser.sourcePath(file),
    line: Math.max(1, line),
  });
  const parts = parseUnitName(ctx.name);
  const type = parts.extension.slice(1) as SystemdUnitType;
  const unit: InventorySystemdUnit = {
    id: [tree.name, ctx.file.path].join(':'),
    type,
    name: ctx.name,
    source: { tree: tree.name, path: ctx.file.path, line: 1 },
    scope: ctx.scope,
    overrideOnly: ctx.overrideOnly,
    documentation: lookupAllStrv(u, 'Unit', 'Documentation').map(d => d.value),
    leadingComment: ctx.leading,
    dropIns: ctx.dropIns,
    execStart: [],
    onCalendar: lookupAllEntries(u, 'Timer', 'OnCalendar').map(e => e.value),
    envFiles: [],
    environment: [],
    wantedBy: lookupAllStrv(u, 'Install', 'WantedBy').map(w => w.value),
    images: [],
    dependencies: [],
    decisions: [],
  };
  if (!ctx.overrideOnly && ctx.file.target !== undefined)
    unit.target = ctx.file.target;
  const description = lookup(u, 'Unit', 'Description');
  if (description) unit.description = description.value;
  if (type === 'timer') {
    const activates = lookup(u, 'Timer', 'Unit');
    unit.activates = activates?.value || `${parts.base}.service`;
  }
  for (const entry of lookupAllEntries(u, 'Service', 'EnvironmentFile')) {
    unit.envFiles.push(
      envFileRefOf(
        entry.value.trim(),
        ref(entry.file, entry.line),
        unit.target,
      ),
    );
  }
  for (const entry of lookupAllEntries(u, 'Service', 'Environment')) {
    for (const pair of parseKeyValueWords(entry.value).pairs)
      unit.environment.push({
        name: pair.key,
        source: ref(entry.file, entry.line),
      });
  }
  for (const exec of lookupAllArgs(u, 'Service', 'ExecStart')) {
    // systemd prefixes (`-`, `@`, `+`, `!`) say how to run the command, not what.
    const words = exec.args.map((w, i) =>
      i === 0 ? w.replace(/^[-@+!:]+/, '') : w,
    );
    unit.execStart.push(redactArgs(words).join(' '));
    const source = ref(exec.entry.file, exec.entry.line);
    const direct = podmanRunImage(words);
    if (direct !== undefined) {
      unit.images.push({ ...imageFactOf(direct, source), via: 'exec' });
      continue;
    }
    const script =
      words[0] === undefined
        ? undefined
        : ctx.box.resolveWritten(words[0])?.file;
    if (script) {
      for (const run of podmanRunsInScript(scriptText(script))) {
        const at: SourceRef = {
          tree: script.tree,
          path: script.path,
          line: run.line,
        };
        unit.images.push({
          ...imageFactOf(run.image, at),
          via: 'script',
          script: at,
        });
      }
    }
  }
  return unit;
}

function scriptText(file: TreeFile): string {
  return file.source.content.toString('utf8');
}
