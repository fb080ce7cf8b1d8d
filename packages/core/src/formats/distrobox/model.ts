import { Diagnostic } from '../../diagnostic';
import { ImageSource, parseImageSource } from '../../image/imageSource';
import { DiagnosticSink } from '../common/diagnosticSink';
import { DistroboxDocument, DistroboxEntry, DistroboxSection } from './parse';
import { appendAll } from '../common/appendAll';

export interface DistroboxItem {
  value: string;
  line: number;
}

export interface DistroboxVolume {
  /** As written: `/srv/models:/models:ro`. */
  spec: string;
  hostPath: string;
  containerPath: string;
  options?: string;
  line: number;
}

export interface DistroboxContainer {
  name: string;
  line: number;
  /** `image=`, parsed with the image grammar (short names, pin tier, transports). */
  image?: { text: string; line: number; source: ImageSource };
  /** `clone=`: copy an existing container instead of pulling an image. */
  clone?: DistroboxItem;
  home?: DistroboxItem;
  hostname?: DistroboxItem;
  init?: boolean;
  nvidia?: boolean;
  pull?: boolean;
  root?: boolean;
  replace?: boolean;
  startNow?: boolean;
  entry?: boolean;
  /** Which `unshare_*` options are on: `ipc`, `netns`, `process`, `devsys`, `all`. */
  unshare: string[];
  /** `additional_packages=`, split on spaces, accumulated over repeated lines. */
  packages: DistroboxItem[];
  /** One command per `init_hooks=` line. */
  initHooks: DistroboxItem[];
  preInitHooks: DistroboxItem[];
  volumes: DistroboxVolume[];
  exportedApps: DistroboxItem[];
  exportedBins: DistroboxItem[];
  exportedBinsPath?: DistroboxItem;
  additionalFlags: DistroboxItem[];
  /** Sections whose options this one includes, in order. */
  includes: DistroboxItem[];
}

export interface DistroboxManifest {
  file: string;
  containers: DistroboxContainer[];
}

export interface DistroboxModelResult {
  manifest: DistroboxManifest;
  diagnostics: Diagnostic[];
}

const BOOLEAN_KEYS: Record<
  string,
  'init' | 'nvidia' | 'pull' | 'root' | 'replace' | 'startNow' | 'entry'
> = {
  init: 'init',
  nvidia: 'nvidia',
  pull: 'pull',
  root: 'root',
  replace: 'replace',
  start_now: 'startNow',
  entry: 'entry',
};
const UNSHARE_KEYS = new Set([
  'unshare_ipc',
  'unshare_netns',
  'unshare_process',
  'unshare_devsys',
  'unshare_all',
]);
/** Space-separated lists: every word is an item. */
const WORD_LISTS: Record<string, 'packages' | 'exportedApps' | 'exportedBins'> =
  {
    additional_packages: 'packages',
    exported_apps: 'exportedApps',
    exported_bins: 'exportedBins',
  };
/** Line lists: every line is one item (a shell command or a flag string). */
const LINE_LISTS: Record<
  string,
  'initHooks' | 'preInitHooks' | 'additionalFlags'
> = {
  init_hooks: 'initHooks',
  pre_init_hooks: 'preInitHooks',
  additional_flags: 'additionalFlags',
};
const TEXT_KEYS: Record<
  string,
  'clone' | 'home' | 'hostname' | 'exportedBinsPath'
> = {
  clone: 'clone',
  home: 'home',
  hostname: 'hostname',
  exported_bins_path: 'exportedBinsPath',
};
const SINGLE_VALUE_KEYS = new Set([
  'image',
  ...Object.keys(BOOLEAN_KEYS),
  ...UNSHARE_KEYS,
  ...Object.keys(TEXT_KEYS),
]);

function readBoolean(value: string): boolean | undefined {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

function words(value: string): string[] {
  return value.split(/\s+/).filter(word => word.length > 0);
}

function readVolume(spec: string, line: number): DistroboxVolume {
  const [hostPath, containerPath, ...options] = spec.split(':');
  const volume: DistroboxVolume = {
    spec,
    hostPath,
    containerPath: containerPath ?? hostPath,
    line,
  };
  if (options.length > 0) volume.options = options.join(':');
  return volume;
}

/**
 * Resolves `include=` in place: the included section's entries stand where the include
 * line stands, so options written after it override the included ones. Assumption (the
 * manifest docs do not spell it out): include names other sections of the same file,
 * several names may be given separated by spaces, and includes nest.
 */
class IncludeResolver {
  private readonly resolved = new Map<string, DistroboxEntry[]>();

  constructor(
    private readonly sections: ReadonlyMap<string, DistroboxSection>,
    private readonly sink: DiagnosticSink,
  ) {}

  entries(section: DistroboxSection, stack: string[] = []): DistroboxEntry[] {
    const cached = this.resolved.get(section.name);
    if (cached) return cached;
    const result: DistroboxEntry[] = [];
    for (const entry of section.entries) {
      if (entry.key !== 'include') {
        result.push(entry);
        continue;
      }
      result.push(entry);
      for (const name of words(entry.value)) {
        const included = this.sections.get(name);
        if (!included) {
          this.sink.error(
            entry.line,
            'unknown-include',
            `[${section.name}] includes "${name}", which is not a section of this file`,
          );
        } else if (name === section.name || stack.includes(name)) {
          this.sink.error(
            entry.line,
            'include-cycle',
            `[${section.name}] includes "${name}", which includes it back`,
          );
        } else {
          appendAll(result, this.entries(included, [...stack, section.name]));
        }
      }
    }
    this.resolved.set(section.name, result);
    return result;
  }
}

/** Turns a parsed distrobox.ini into one container per section. Never throws. */
export function modelDistrobox(
  document: DistroboxDocument,
): DistroboxModelResult {
  const sink = new DiagnosticSink(document.file, 'distrobox');
  const byName = new Map<string, DistroboxSection>();
  for (const section of document.sections) {
    if (byName.has(section.name)) {
      sink.warning(
        section.line,
        'duplicate-container',
        `container "${section.name}" is already defined on line ${
          byName.get(section.name)!.line
        }; distrobox-assemble tries to create it twice`,
      );
    } else {
      byName.set(section.name, section);
    }
  }
  const resolver = new IncludeResolver(byName, sink);
  const containers = [...byName.values()].map(section =>
    buildContainer(section, resolver.entries(section), sink),
  );
  return {
    manifest: { file: document.file, containers },
    diagnostics: sink.diagnostics,
  };
}

function buildContainer(
  section: DistroboxSection,
  entries: readonly DistroboxEntry[],
  sink: DiagnosticSink,
): DistroboxContainer {
  const container: DistroboxContainer = {
    name: section.name,
    line: section.line,
    unshare: [],
    packages: [],
    initHooks: [],
    preInitHooks: [],
    volumes: [],
    exportedApps: [],
    exportedBins: [],
    additionalFlags: [],
    includes: [],
  };
  const ownLines = new Set(section.entries.map(entry => entry.line));
  const seenOwn = new Map<string, number>();

  for (const { key, value, line } of entries) {
    if (SINGLE_VALUE_KEYS.has(key) && ownLines.has(line)) {
      const first = seenOwn.get(key);
      if (first !== undefined) {
        sink.info(
          line,
          'repeated-option',
          `[${section.name}] sets ${key} again (first on line ${first}); the last one counts`,
        );
      } else {
        seenOwn.set(key, line);
      }
    }
    if (key === 'include') {
      appendAll(
        container.includes,
        words(value).map(name => ({ value: name, line })),
      );
    } else if (key === 'image') {
      const source = parseImageSource(value);
      container.image = { text: value, line, source };
      if (source.kind === 'invalid') {
        sink.error(
          line,
          'invalid-image',
          `[${section.name}] image "${value}": ${source.error}`,
        );
      }
    } else if (key in BOOLEAN_KEYS || UNSHARE_KEYS.has(key)) {
      const flag = readBoolean(value);
      if (flag === undefined) {
        sink.warning(
          line,
          'invalid-boolean',
          `[${section.name}] ${key} must be true or false`,
        );
      } else if (UNSHARE_KEYS.has(key)) {
        const name = key.slice('unshare_'.length);
        container.unshare = container.unshare.filter(
          existing => existing !== name,
        );
        if (flag) container.unshare.push(name);
      } else {
        container[BOOLEAN_KEYS[key]] = flag;
      }
    } else if (key in TEXT_KEYS) {
      container[TEXT_KEYS[key]] = { value, line };
    } else if (key in WORD_LISTS) {
      appendAll(
        container[WORD_LISTS[key]],
        words(value).map(word => ({ value: word, line })),
      );
    } else if (key in LINE_LISTS) {
      if (value.trim() !== '') container[LINE_LISTS[key]].push({ value, line });
    } else if (key === 'volume') {
      appendAll(
        container.volumes,
        words(value).map(spec => readVolume(spec, line)),
      );
    } else {
      sink.warning(
        line,
        'unknown-option',
        `[${section.name}] distrobox-assemble does not know "${key}" and ignores it`,
      );
    }
  }
  if (!container.image && !container.clone) {
    sink.info(
      section.line,
      'no-image',
      `[${section.name}] names no image, so distrobox uses its default image`,
    );
  }
  return container;
}
