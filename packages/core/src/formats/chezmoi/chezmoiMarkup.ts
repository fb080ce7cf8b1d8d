import { posix } from 'node:path';
import { parseFileName } from './sourceName';
import { specialFileKind } from './specialNames';
import { findTemplateSpans, type TemplateSpan } from './templateSpans';

/**
 * Does chezmoi render this source file as a template? `.tmpl` names (also under
 * `encrypted_…tmpl.age`), the template library, and `.chezmoiignore` / `.chezmoiremove`,
 * which chezmoi always renders. `.literal` turns it off.
 */
export function isChezmoiTemplatePath(path: string): boolean {
  const parts = path.split('/');
  if (parts.includes('.chezmoitemplates')) return true;
  const base = posix.basename(path);
  const special = specialFileKind(base);
  if (special === 'ignore' || special === 'remove') return true;
  if (special !== null) return base.endsWith('.tmpl');
  return parseFileName(base).template;
}

/**
 * The template actions chezmoi would render in a source file, each with its line. In a file
 * that is not a template, braces are never chezmoi's: `LogOpt=tag="{{.ImageName}}"` in a
 * plain `.container` belongs to podman, so the answer is empty.
 */
export function chezmoiTemplateSpans(
  path: string,
  text: string,
): TemplateSpan[] {
  return isChezmoiTemplatePath(path) ? findTemplateSpans(text).spans : [];
}
