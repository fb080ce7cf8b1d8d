import { Diagnostic } from '../../diagnostic';
import { DiagnosticSink } from '../common/diagnosticSink';
import {
  evaluateMatch,
  MatchResult,
  MkosiMatchSection,
  readMatchSections,
} from './match';
import { MkosiAssignment, MkosiDocument } from './parse';
import { appendAll } from '../common/appendAll';

/** One value with where it was set. `conditional` when its file's [Match] could not be decided. */
export interface MkosiValue {
  value: string;
  file: string;
  line: number;
  conditional: boolean;
}

/** `ExtraTrees=source:target` (target absent means the image root). */
export interface MkosiTree extends MkosiValue {
  source: string;
  target?: string;
}

/** Any assignment as written, for settings the typed fields do not cover. */
export interface MkosiSetting extends MkosiValue {
  section: string;
  key: string;
}

export interface MkosiFileInfo {
  file: string;
  /** Whether mkosi would read the file's settings, judged from its [Match] sections. */
  applies: MatchResult;
  matches: MkosiMatchSection[];
}

export interface MkosiConfig {
  /** The files in the order mkosi reads them. */
  files: MkosiFileInfo[];
  distribution?: MkosiValue;
  release?: MkosiValue;
  architecture?: MkosiValue;
  format?: MkosiValue;
  imageId?: MkosiValue;
  imageVersion?: MkosiValue;
  output?: MkosiValue;
  bootable?: MkosiValue;
  packages: MkosiValue[];
  buildPackages: MkosiValue[];
  volatilePackages: MkosiValue[];
  removePackages: MkosiValue[];
  repositories: MkosiValue[];
  baseTrees: MkosiValue[];
  extraTrees: MkosiTree[];
  skeletonTrees: MkosiTree[];
  kernelCommandLine: MkosiValue[];
  includes: MkosiValue[];
  settings: MkosiSetting[];
}

export interface MkosiModelResult {
  config: MkosiConfig;
  diagnostics: Diagnostic[];
}

type ScalarField =
  | 'distribution'
  | 'release'
  | 'architecture'
  | 'format'
  | 'imageId'
  | 'imageVersion'
  | 'output'
  | 'bootable';
type ListField =
  | 'packages'
  | 'buildPackages'
  | 'volatilePackages'
  | 'removePackages'
  | 'repositories'
  | 'baseTrees'
  | 'extraTrees'
  | 'skeletonTrees'
  | 'kernelCommandLine'
  | 'includes';

interface ScalarSetting {
  kind: 'scalar';
  field: ScalarField;
  sections: string[];
}
interface ListSetting {
  kind: 'list';
  field: ListField;
  sections: string[];
  /** Besides newlines; KernelCommandLine splits on spaces, most lists on commas. */
  delimiter: ',' | ' ';
  /** `Include=` is never reset by an empty assignment. */
  resets: boolean;
}

/** The settings the model types, with the section mkosi expects each in. */
const SETTINGS: Record<string, ScalarSetting | ListSetting> = {
  Distribution: {
    kind: 'scalar',
    field: 'distribution',
    sections: ['Distribution'],
  },
  Release: { kind: 'scalar', field: 'release', sections: ['Distribution'] },
  Architecture: {
    kind: 'scalar',
    field: 'architecture',
    sections: ['Distribution'],
  },
  Repositories: {
    kind: 'list',
    field: 'repositories',
    sections: ['Distribution'],
    delimiter: ',',
    resets: true,
  },
  Format: { kind: 'scalar', field: 'format', sections: ['Output'] },
  ImageId: { kind: 'scalar', field: 'imageId', sections: ['Output'] },
  ImageVersion: { kind: 'scalar', field: 'imageVersion', sections: ['Output'] },
  Output: { kind: 'scalar', field: 'output', sections: ['Output'] },
  Bootable: { kind: 'scalar', field: 'bootable', sections: ['Content'] },
  Packages: {
    kind: 'list',
    field: 'packages',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  BuildPackages: {
    kind: 'list',
    field: 'buildPackages',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  VolatilePackages: {
    kind: 'list',
    field: 'volatilePackages',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  RemovePackages: {
    kind: 'list',
    field: 'removePackages',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  BaseTrees: {
    kind: 'list',
    field: 'baseTrees',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  ExtraTrees: {
    kind: 'list',
    field: 'extraTrees',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  SkeletonTrees: {
    kind: 'list',
    field: 'skeletonTrees',
    sections: ['Content'],
    delimiter: ',',
    resets: true,
  },
  KernelCommandLine: {
    kind: 'list',
    field: 'kernelCommandLine',
    sections: ['Content'],
    delimiter: ' ',
    resets: true,
  },
  // Older mkosi releases kept Include= in [Config].
  Include: {
    kind: 'list',
    field: 'includes',
    sections: ['Include', 'Config'],
    delimiter: ',',
    resets: false,
  },
};

const TREE_FIELDS = new Set<ListField>(['extraTrees', 'skeletonTrees']);
const PACKAGE_FIELDS = new Set<ListField>([
  'packages',
  'buildPackages',
  'volatilePackages',
  'removePackages',
]);

function emptyConfig(): MkosiConfig {
  return {
    files: [],
    packages: [],
    buildPackages: [],
    volatilePackages: [],
    removePackages: [],
    repositories: [],
    baseTrees: [],
    extraTrees: [],
    skeletonTrees: [],
    kernelCommandLine: [],
    includes: [],
    settings: [],
  };
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

/**
 * Merges mkosi config files, given in the order mkosi reads them (see `mkosiFileOrder`),
 * into one view: single-value settings take the last assignment (an empty one resets to
 * the default), list settings accumulate (an empty one clears them), and a file whose
 * [Match] sections fail is skipped — a failing `mkosi.conf` skips its whole directory.
 * Never throws.
 */
export function modelMkosi(
  documents: readonly MkosiDocument[],
): MkosiModelResult {
  const config = emptyConfig();
  const diagnostics: Diagnostic[] = [];
  const skippedDirectories: string[] = [];

  const current = (key: string): string | undefined => {
    const setting = SETTINGS[key];
    return setting?.kind === 'scalar'
      ? config[setting.field]?.value
      : undefined;
  };

  for (const document of documents) {
    const sink = new DiagnosticSink(document.file, 'mkosi');
    const matches = readMatchSections(document);
    const skipped = skippedDirectories.some(directory =>
      document.file.startsWith(directory),
    );
    const applies: MatchResult = skipped
      ? 'no'
      : evaluateMatch(matches, current);
    config.files.push({ file: document.file, applies, matches });
    if (applies === 'no') {
      if (
        document.file.endsWith('/mkosi.conf') ||
        document.file === 'mkosi.conf'
      ) {
        skippedDirectories.push(directoryOf(document.file));
      }
      continue;
    }
    const conditional = applies === 'unknown';
    for (const section of document.sections) {
      if (section.name === 'Match' || section.name === 'TriggerMatch') continue;
      for (const assignment of section.assignments) {
        const value: MkosiValue = {
          value: assignment.value,
          file: document.file,
          line: assignment.line,
          conditional,
        };
        config.settings.push({
          ...value,
          section: section.name,
          key: assignment.key,
        });
        const setting = SETTINGS[assignment.key];
        if (!setting) continue;
        if (!setting.sections.includes(section.name)) {
          sink.warning(
            assignment.line,
            'wrong-section',
            `mkosi expects ${assignment.key}= in the [${setting.sections[0]}] section, not [${section.name}]`,
          );
          continue;
        }
        if (setting.kind === 'scalar') {
          if (assignment.value === '') delete config[setting.field];
          else config[setting.field] = value;
        } else {
          applyList(
            config,
            setting,
            assignment,
            document.file,
            conditional,
            sink,
          );
        }
      }
    }
    appendAll(diagnostics, sink.diagnostics);
  }
  return { config, diagnostics };
}

function applyList(
  config: MkosiConfig,
  setting: ListSetting,
  assignment: MkosiAssignment,
  file: string,
  conditional: boolean,
  sink: DiagnosticSink,
): void {
  if (assignment.value === '') {
    if (setting.resets) config[setting.field] = [];
    return;
  }
  const items: MkosiValue[] = [];
  assignment.value.split('\n').forEach((text, index) => {
    const line = assignment.valueLines[index] ?? assignment.line;
    const parts =
      setting.delimiter === ' ' ? text.split(/\s+/) : text.split(',');
    for (const part of parts) {
      const value = part.trim();
      if (value === '') continue;
      items.push({ value, file, line, conditional });
      if (
        setting.delimiter === ',' &&
        /\s/.test(value) &&
        PACKAGE_FIELDS.has(setting.field)
      ) {
        sink.warning(
          line,
          'space-in-list',
          `"${value}" is read as one package: mkosi separates ${assignment.key}= entries with commas or new lines, not spaces`,
        );
      }
    }
  });
  if (TREE_FIELDS.has(setting.field)) {
    const trees = items.map((item): MkosiTree => {
      const colon = item.value.indexOf(':');
      return colon < 0
        ? { ...item, source: item.value }
        : {
            ...item,
            source: item.value.slice(0, colon),
            target: item.value.slice(colon + 1),
          };
    });
    appendAll(config[setting.field] as MkosiTree[], trees);
  } else {
    appendAll(config[setting.field] as MkosiValue[], items);
  }
}

/**
 * Picks the files of one mkosi project from a list of paths and orders them the way mkosi
 * reads them: `mkosi.conf`, then each entry of `mkosi.conf.d/` by name — `*.conf` files,
 * and directories read like a project of their own.
 */
export function mkosiFileOrder(
  paths: readonly string[],
  directory = '',
): string[] {
  const base = directory === '' ? '' : `${directory.replace(/\/+$/, '')}/`;
  const present = new Set(paths);
  const ordered: string[] = [];
  if (present.has(`${base}mkosi.conf`)) ordered.push(`${base}mkosi.conf`);

  const dropInDirectory = `${base}mkosi.conf.d/`;
  const files = new Set<string>();
  // Paths below each subdirectory, handed down so every path is looked at once per level.
  const directories = new Map<string, string[]>();
  for (const path of paths) {
    if (!path.startsWith(dropInDirectory)) continue;
    const rest = path.slice(dropInDirectory.length);
    const slash = rest.indexOf('/');
    if (slash < 0) {
      if (rest.endsWith('.conf')) files.add(rest);
    } else {
      const name = rest.slice(0, slash);
      const below = directories.get(name) ?? [];
      below.push(path);
      directories.set(name, below);
    }
  }
  for (const name of [...new Set([...files, ...directories.keys()])].sort()) {
    if (files.has(name)) ordered.push(`${dropInDirectory}${name}`);
    const below = directories.get(name);
    if (below)
      appendAll(ordered, mkosiFileOrder(below, `${dropInDirectory}${name}`));
  }
  return ordered;
}
