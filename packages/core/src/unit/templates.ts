import { dirName, parseUnitName, templateNameOf } from './unitName';

/** Which file to read for a unit name: the file itself, or the template an instance falls back to. */
export interface UnitSourceChoice {
  /** The name the unit is loaded as, e.g. `web@blue.container`. */
  fileName: string;
  /** Path whose content defines it. */
  readFrom: string;
  /** True when the instance has no file of its own and inherits its template's. */
  viaTemplate: boolean;
}

/**
 * Resolves `dir/web@blue.container`: its own file when present (in a checkout a symlink to
 * the template reads as the template's content), else `dir/web@.container`.
 */
export function unitSourceFor(
  unitPath: string,
  exists: (path: string) => boolean,
): UnitSourceChoice | undefined {
  const { fileName } = parseUnitName(unitPath);
  if (exists(unitPath)) {
    return { fileName, readFrom: unitPath, viaTemplate: false };
  }
  const template = templateNameOf(fileName);
  if (template === undefined) {
    return undefined;
  }
  const dir = dirName(unitPath);
  const templatePath = dir === '' ? template : `${dir}/${template}`;
  return exists(templatePath)
    ? { fileName, readFrom: templatePath, viaTemplate: true }
    : undefined;
}
