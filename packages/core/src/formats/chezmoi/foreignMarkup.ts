import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostic';
import { classifyAction } from './actionKind';
import { neutraliseTemplate } from './neutralise';
import { findTemplateSpans } from './templateSpans';

/** Unit types whose files podman's quadlet generator or systemd reads. */
const UNIT_EXTENSIONS = new Set([
  '.container',
  '.volume',
  '.network',
  '.pod',
  '.kube',
  '.build',
  '.image',
  '.artifact',
  '.service',
  '.socket',
  '.timer',
  '.target',
  '.path',
  '.mount',
  '.automount',
  '.slice',
  '.swap',
]);

/** Quadlet sections: quadlet turns their keys into podman arguments on the generated ExecStart=. */
const QUADLET_SECTIONS = new Set([
  'Container',
  'Pod',
  'Volume',
  'Network',
  'Kube',
  'Build',
  'Image',
  'Artifact',
]);

/** Variables the systemd user manager sets by itself; `${HOME}` in an ExecStart= is fine. */
const MANAGER_VARIABLES = new Set([
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'PATH',
  'LANG',
  'TERM',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_STATE_HOME',
  'XDG_CACHE_HOME',
  'XDG_DATA_DIRS',
  'XDG_CONFIG_DIRS',
  'DBUS_SESSION_BUS_ADDRESS',
  'MANAGERPID',
  'MAINPID',
  'INVOCATION_ID',
  'SYSTEMD_EXEC_PID',
  'RUNTIME_DIRECTORY',
  'STATE_DIRECTORY',
  'CACHE_DIRECTORY',
  'LOGS_DIRECTORY',
  'CONFIGURATION_DIRECTORY',
  'CREDENTIALS_DIRECTORY',
  'LISTEN_FDS',
  'LISTEN_PID',
  'NOTIFY_SOCKET',
  'WATCHDOG_USEC',
]);

export type MarkupFileKind = 'unit' | 'env' | 'other';

/** Decides from the name whether a file is a unit, an env file, or something this check leaves alone. */
export function markupFileKind(path: string): MarkupFileKind {
  let base = posix.basename(path);
  if (base.endsWith('.tmpl')) base = base.slice(0, -'.tmpl'.length);
  if (base.endsWith('.literal')) base = base.slice(0, -'.literal'.length);
  const ext = posix.extname(base);
  if (UNIT_EXTENSIONS.has(ext)) return 'unit';
  if (ext === '.conf' && posix.dirname(path).endsWith('.d')) return 'unit';
  if (
    ext === '.env' ||
    base === 'dot_env' ||
    /\.env\.[A-Za-z]+$/.test(base) ||
    /(?:^|_)env$/.test(base)
  ) {
    return 'env';
  }
  return 'other';
}

/**
 * Finds templating that the tool reading a unit or env file would not understand:
 * - in a file without `.tmpl`, chezmoi markup (chezmoi copies it verbatim) and
 *   Handlebars/Jinja placeholders; podman's own `{{.ImageName}}`, `{{json .}}` are left alone;
 * - in a `.tmpl` file, podman templates chezmoi would try to render, and placeholders;
 * - Jinja `{% … %}` blocks anywhere;
 * - `${VAR}` where systemd does not expand it ([Unit], [Install], non-Exec [Service] keys),
 *   or where it would expand to nothing because no [Service] Environment=/EnvironmentFile= sets it,
 *   and in env files, which podman's `--env-file` reads literally.
 * Only unit and env files are looked at; other files yield nothing.
 */
export function findForeignMarkup(path: string, text: string): Diagnostic[] {
  const kind = markupFileKind(path);
  if (kind === 'other') return [];
  const isTemplate = path.endsWith('.tmpl');
  const diagnostics: Diagnostic[] = [];
  const scanned = isTemplate
    ? neutraliseTemplate(text)
    : {
        text,
        spans: findTemplateSpans(text, { left: '{{', right: '}}' }).spans,
      };

  for (const span of scanned.spans) {
    if (!span.closed) {
      if (isTemplate) {
        diagnostics.push(
          diagnostic(
            path,
            span.line,
            'error',
            'chezmoi/unclosed-action',
            'Template action is never closed; chezmoi cannot render the file',
          ),
        );
      }
      continue;
    }
    const actionKind = classifyAction(span);
    // Env files hold secrets: never echo what is written in them.
    const shown =
      kind === 'env' ? 'A template action' : `{{ ${shorten(span.action)} }}`;
    if (!isTemplate && actionKind === 'chezmoi') {
      diagnostics.push(
        diagnostic(
          path,
          span.line,
          'warning',
          'markup/chezmoi-without-tmpl',
          `${shown} looks like chezmoi template markup, but the file has no .tmpl suffix: chezmoi copies it verbatim`,
        ),
      );
    } else if (isTemplate && actionKind === 'podman') {
      diagnostics.push(
        diagnostic(
          path,
          span.line,
          'warning',
          'markup/podman-template-in-tmpl',
          `${shown} is podman's template syntax, but chezmoi renders this file first; escape it as {{ "{{…}}" }} or use other delimiters`,
        ),
      );
    } else if (actionKind === 'foreign') {
      diagnostics.push(
        diagnostic(
          path,
          span.line,
          'warning',
          'markup/foreign-template',
          `${shown} is a Handlebars/Jinja-style placeholder that neither chezmoi nor podman fills in`,
        ),
      );
    }
  }

  // What follows reads the text chezmoi would leave, with its own actions blanked.
  const lines = scanned.text.split('\n');
  lines.forEach((line, index) => {
    if (/\{%-?\s[^\n]*%\}/.test(line)) {
      diagnostics.push(
        diagnostic(
          path,
          index + 1,
          'warning',
          'markup/jinja',
          'Jinja {% … %} block: nothing on the box renders it',
        ),
      );
    }
  });
  if (kind === 'unit') diagnostics.push(...unitSubstitutions(path, lines));
  else diagnostics.push(...envSubstitutions(path, lines));
  return diagnostics.sort((a, b) => a.line - b.line);
}

const SUBSTITUTION = /(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)[^}\n]*\}/g;

interface UnitLine {
  line: number;
  section: string;
  key: string;
  value: string;
}

/** Key=value lines of a unit with their section; continuation lines count as their key's. */
function unitLines(lines: string[]): UnitLine[] {
  const out: UnitLine[] = [];
  let section = '';
  let continuing: UnitLine | null = null;
  lines.forEach((raw, index) => {
    const text = raw.replace(/\r$/, '');
    if (continuing) {
      const trimmed = text.trimStart();
      if (trimmed.startsWith('#') || trimmed.startsWith(';')) return;
      out.push({ ...continuing, line: index + 1, value: text });
      if (!text.endsWith('\\')) continuing = null;
      return;
    }
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';'))
      return;
    const header = /^\[([^\]]+)\]$/.exec(trimmed);
    if (header) {
      section = header[1];
      return;
    }
    const eq = trimmed.indexOf('=');
    if (eq === -1) return;
    const entry = {
      line: index + 1,
      section,
      key: trimmed.slice(0, eq).trim(),
      value: trimmed.slice(eq + 1),
    };
    out.push(entry);
    if (text.endsWith('\\')) continuing = entry;
  });
  return out;
}

function unitSubstitutions(path: string, lines: string[]): Diagnostic[] {
  const entries = unitLines(lines);
  if (!entries.some(e => e.value.includes('${'))) return [];
  const dropIn = posix.dirname(path).endsWith('.d');
  const serviceSets = new Set<string>();
  let serviceHasEnvironmentFile = false;
  for (const e of entries) {
    if (e.section !== 'Service') continue;
    if (e.key === 'EnvironmentFile') serviceHasEnvironmentFile = true;
    if (e.key === 'Environment') {
      for (const m of e.value.matchAll(
        /(?:^|[\s"'])([A-Za-z_][A-Za-z0-9_]*)=/g,
      ))
        serviceSets.add(m[1]);
    }
  }
  const out: Diagnostic[] = [];
  for (const e of entries) {
    for (const m of e.value.matchAll(SUBSTITUTION)) {
      const name = m[1];
      if (e.key.startsWith('Exec') && !QUADLET_SECTIONS.has(e.section))
        continue;
      if (QUADLET_SECTIONS.has(e.section)) {
        // Quadlet copies the value into ExecStart=, where systemd expands it from [Service] settings.
        if (
          dropIn ||
          serviceHasEnvironmentFile ||
          serviceSets.has(name) ||
          MANAGER_VARIABLES.has(name)
        )
          continue;
        out.push(
          diagnostic(
            path,
            e.line,
            'warning',
            'markup/envsubst-unset',
            `\${${name}} in ${e.key}= ends up in ExecStart=, where systemd expands it, but no [Service] Environment= or EnvironmentFile= sets ${name} (a [${e.section}] EnvironmentFile= only reaches the container)`,
          ),
        );
        continue;
      }
      out.push(
        diagnostic(
          path,
          e.line,
          'warning',
          'markup/envsubst',
          `\${${name}} in [${e.section}] ${e.key}= is not expanded by systemd: it stays literally \${${name}}`,
        ),
      );
    }
  }
  return out;
}

function envSubstitutions(path: string, lines: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  lines.forEach((line, index) => {
    if (line.trimStart().startsWith('#')) return;
    for (const m of line.matchAll(SUBSTITUTION)) {
      out.push(
        diagnostic(
          path,
          index + 1,
          'info',
          'markup/envsubst-in-env-file',
          `\${${m[1]}} in an env file: podman's --env-file keeps it literally; only systemd's EnvironmentFile= expands variables set earlier in the same file`,
        ),
      );
    }
  });
  return out;
}

function shorten(action: string): string {
  const flat = action.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
