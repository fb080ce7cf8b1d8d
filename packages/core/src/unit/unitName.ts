/** The parts of a unit file name, as systemd and podman see them. */
export interface UnitNameParts {
  /** The file name itself, e.g. `web@blue.container`. */
  fileName: string;
  /** From the last dot, e.g. `.container` (`''` when there is none). */
  extension: string;
  /** Without the extension, e.g. `web@blue`. */
  base: string;
  /** Before the first `@`, or the whole base, e.g. `web`. */
  prefix: string;
  /** After the first `@` (`''` for a template), `undefined` when there is no `@`. */
  instance: string | undefined;
  /** `web@.container`: a template with no instance. */
  isTemplate: boolean;
  /** `web@blue.container`: an instance of `web@.container`. */
  isInstance: boolean;
}

/** Last path component of a POSIX path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

/** Directory part of a POSIX path (`''` at top level). */
export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(0, slash) : '';
}

/** Splits `name` (a file name or a path) the way podman's `GetTemplateParts` does. */
export function parseUnitName(name: string): UnitNameParts {
  const fileName = baseName(name);
  const dot = fileName.lastIndexOf('.');
  const extension = dot >= 0 ? fileName.slice(dot) : '';
  const base = dot >= 0 ? fileName.slice(0, dot) : fileName;
  const at = base.indexOf('@');
  const prefix = at >= 0 ? base.slice(0, at) : base;
  const instance = at >= 0 ? base.slice(at + 1) : undefined;
  return {
    fileName,
    extension,
    base,
    prefix,
    instance,
    isTemplate: instance === '',
    isInstance: instance !== undefined && instance !== '',
  };
}

/** `web@blue.container` → `web@.container`; `undefined` for names that are not instances. */
export function templateNameOf(name: string): string | undefined {
  const parts = parseUnitName(name);
  return parts.isInstance ? `${parts.prefix}@${parts.extension}` : undefined;
}

/** `web@.container` + `blue` → `web@blue.container`. */
export function instanceNameOf(templateName: string, instance: string): string {
  const parts = parseUnitName(templateName);
  return `${parts.prefix}@${instance}${parts.extension}`;
}

/**
 * systemd's unit-name unescaping (`%I`, `%P`, `%f`): `-` becomes `/` and `\xNN`
 * becomes the byte NN.
 */
export function unescapeUnitName(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '-') {
      out += '/';
    } else if (
      ch === '\\' &&
      text[i + 1] === 'x' &&
      /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))
    ) {
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      out += ch;
    }
  }
  return out;
}
