import { parseUnitName, unescapeUnitName } from './unitName';

/**
 * What is known about the place a unit runs in. Anything left out keeps its specifier
 * verbatim, so partial knowledge never invents a value.
 */
export interface SpecifierContext {
  /** Full unit name, e.g. `web@blue.service` (gives %n %N %p %P %i %I %j %J %f). */
  unitName?: string;
  /** %h */
  home?: string;
  /** %u */
  user?: string;
  /** %U */
  uid?: string | number;
  /** %g */
  group?: string;
  /** %G */
  gid?: string | number;
  /** %t — `$XDG_RUNTIME_DIR` for user units, `/run` for system units. */
  runtimeDir?: string;
  /** %S */
  stateDir?: string;
  /** %C */
  cacheDir?: string;
  /** %L */
  logsDir?: string;
  /** %E */
  configDir?: string;
  /** %T (defaults to `/tmp`) */
  tmpDir?: string;
  /** %V (defaults to `/var/tmp`) */
  varTmpDir?: string;
  /** %H */
  hostname?: string;
  /** %l */
  shortHostname?: string;
  /** %m */
  machineId?: string;
  /** %b */
  bootId?: string;
  /** %v */
  kernelRelease?: string;
  /** %a */
  architecture?: string;
  /** %o */
  osId?: string;
  /** %w */
  osVersionId?: string;
  /** %B */
  osBuildId?: string;
  /** %W */
  osVariantId?: string;
  /** %M */
  osImageId?: string;
  /** %A */
  osImageVersion?: string;
  /** %y */
  fragmentPath?: string;
  /** %Y */
  fragmentDir?: string;
  /** %q */
  prettyHostname?: string;
  /** %d */
  credentialsDir?: string;
}

export interface SpecifierResolution {
  value: string;
  /** Specifiers left as written because the context did not say (e.g. `%h`). */
  unresolved: string[];
}

/** Known specifier letters, whether or not a context can fill them. */
export const SPECIFIER_LETTERS = 'aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY';

function fromUnitName(letter: string, unitName: string): string | undefined {
  const parts = parseUnitName(unitName);
  switch (letter) {
    case 'n':
      return parts.fileName;
    case 'N':
      return parts.base;
    case 'p':
      return parts.prefix;
    case 'P':
      return unescapeUnitName(parts.prefix);
    case 'i':
      return parts.instance ?? '';
    case 'I':
      return unescapeUnitName(parts.instance ?? '');
    case 'j': {
      const dash = parts.prefix.lastIndexOf('-');
      return dash >= 0 ? parts.prefix.slice(dash + 1) : parts.prefix;
    }
    case 'J': {
      const dash = parts.prefix.lastIndexOf('-');
      return unescapeUnitName(
        dash >= 0 ? parts.prefix.slice(dash + 1) : parts.prefix,
      );
    }
    case 'f': {
      const source = parts.instance ? parts.instance : parts.prefix;
      const unescaped = unescapeUnitName(source);
      return unescaped.startsWith('/') ? unescaped : `/${unescaped}`;
    }
    default:
      return undefined;
  }
}

function lookup(letter: string, ctx: SpecifierContext): string | undefined {
  if (ctx.unitName !== undefined && 'nNpPiIjJf'.includes(letter)) {
    return fromUnitName(letter, ctx.unitName);
  }
  const str = (v: string | number | undefined) =>
    v === undefined ? undefined : String(v);
  switch (letter) {
    case 'h':
      return ctx.home;
    case 'u':
      return ctx.user;
    case 'U':
      return str(ctx.uid);
    case 'g':
      return ctx.group;
    case 'G':
      return str(ctx.gid);
    case 't':
      return ctx.runtimeDir;
    case 'S':
      return ctx.stateDir;
    case 'C':
      return ctx.cacheDir;
    case 'L':
      return ctx.logsDir;
    case 'E':
      return ctx.configDir;
    case 'T':
      return ctx.tmpDir ?? '/tmp';
    case 'V':
      return ctx.varTmpDir ?? '/var/tmp';
    case 'H':
      return ctx.hostname;
    case 'l':
      return ctx.shortHostname ?? ctx.hostname?.split('.')[0];
    case 'q':
      return ctx.prettyHostname;
    case 'm':
      return ctx.machineId;
    case 'b':
      return ctx.bootId;
    case 'v':
      return ctx.kernelRelease;
    case 'a':
      return ctx.architecture;
    case 'o':
      return ctx.osId;
    case 'w':
      return ctx.osVersionId;
    case 'B':
      return ctx.osBuildId;
    case 'W':
      return ctx.osVariantId;
    case 'M':
      return ctx.osImageId;
    case 'A':
      return ctx.osImageVersion;
    case 'y':
      return ctx.fragmentPath;
    case 'Y':
      return ctx.fragmentDir;
    case 'd':
      return ctx.credentialsDir;
    case 's':
      return '/bin/sh';
    default:
      return undefined;
  }
}

/**
 * Expands systemd specifiers (`%h`, `%t`, `%n`…) that the context can fill; `%%` gives `%`.
 * Values in the model stay verbatim; call this only where a concrete path is needed.
 */
export function resolveSpecifiers(
  value: string,
  ctx: SpecifierContext,
): SpecifierResolution {
  if (!value.includes('%')) {
    return { value, unresolved: [] };
  }
  let out = '';
  const unresolved: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch !== '%' || i + 1 >= value.length) {
      out += ch;
      continue;
    }
    const letter = value[i + 1];
    i++;
    if (letter === '%') {
      out += '%';
      continue;
    }
    const resolved = lookup(letter, ctx);
    if (resolved === undefined) {
      out += `%${letter}`;
      if (!unresolved.includes(`%${letter}`)) {
        unresolved.push(`%${letter}`);
      }
    } else {
      out += resolved;
    }
  }
  return { value: out, unresolved };
}

/** The specifiers a value uses (`%%` excluded), e.g. to tell whether a path is concrete. */
export function specifiersIn(value: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < value.length - 1; i++) {
    if (value[i] === '%') {
      const letter = value[i + 1];
      i++;
      if (letter !== '%' && !found.includes(`%${letter}`)) {
        found.push(`%${letter}`);
      }
    }
  }
  return found;
}
