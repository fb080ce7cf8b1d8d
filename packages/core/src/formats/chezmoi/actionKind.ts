import type { TemplateSpan } from './templateSpans';

/**
 * Whose markup a `{{ … }}` action is:
 * - `chezmoi`: Go-template markup chezmoi would render (`.chezmoi.*`, lower-case data
 *   fields, chezmoi/sprig functions, trim markers, comments, variables);
 * - `podman`: a Go template podman itself evaluates (`{{.ImageName}}`, `{{json .}}`):
 *   capitalised fields of podman's structs, or the bare dot;
 * - `control`: a bare `{{ end }}` / `{{ else }}`, which belongs to whatever opened it;
 * - `foreign`: Handlebars/Mustache/Jinja-style placeholders (`{{var}}`, `{{#if x}}`).
 */
export type ActionKind = 'chezmoi' | 'podman' | 'control' | 'foreign';

/** Functions only chezmoi (or the sprig library it bundles) provides, never podman's formatter. */
const CHEZMOI_FUNCTIONS = new Set([
  // chezmoi
  'abortEmpty',
  'awsSecretsManager',
  'awsSecretsManagerRaw',
  'azureKeyVault',
  'bitwarden',
  'bitwardenAttachment',
  'bitwardenAttachmentByRef',
  'bitwardenFields',
  'bitwardenSecrets',
  'comment',
  'completion',
  'dashlaneNote',
  'dashlanePassword',
  'decrypt',
  'deleteValueAtPath',
  'doppler',
  'dopplerProjectJson',
  'ejsonDecrypt',
  'ejsonDecryptWithKey',
  'encrypt',
  'eqFold',
  'exit',
  'findExecutable',
  'findOneExecutable',
  'fromIni',
  'fromJson',
  'fromJsonc',
  'fromToml',
  'fromYaml',
  'gitHubKeys',
  'gitHubLatestRelease',
  'gitHubLatestReleaseAssetURL',
  'gitHubLatestTag',
  'gitHubRelease',
  'gitHubReleaseAssetURL',
  'gitHubReleases',
  'gitHubTags',
  'glob',
  'gopass',
  'gopassRaw',
  'hcpVaultSecret',
  'hcpVaultSecretJson',
  'hexDecode',
  'hexEncode',
  'include',
  'includeTemplate',
  'ioreg',
  'isExecutable',
  'joinPath',
  'jq',
  'keepassxc',
  'keepassxcAttachment',
  'keepassxcAttribute',
  'keeper',
  'keeperDataFields',
  'keeperFindPassword',
  'keyring',
  'lastpass',
  'lastpassRaw',
  'lookPath',
  'lstat',
  'mozillaInstallHash',
  'onepassword',
  'onepasswordDetailsFields',
  'onepasswordDocument',
  'onepasswordItemFields',
  'onepasswordRead',
  'output',
  'outputList',
  'pass',
  'passFields',
  'passRaw',
  'passhole',
  'promptBool',
  'promptBoolOnce',
  'promptChoice',
  'promptChoiceOnce',
  'promptInt',
  'promptIntOnce',
  'promptMultichoice',
  'promptMultichoiceOnce',
  'promptString',
  'promptStringOnce',
  'protonPass',
  'protonPassJSON',
  'pruneEmptyDicts',
  'quoteList',
  'rbw',
  'rbwFields',
  'replaceAllRegex',
  'secret',
  'secretJSON',
  'setValueAtPath',
  'stat',
  'toIni',
  'toPrettyJson',
  'toToml',
  'toYaml',
  'vault',
  'warnf',
  // sprig, which chezmoi bundles and podman does not
  'default',
  'quote',
  'squote',
  'trim',
  'trimSuffix',
  'trimPrefix',
  'hasKey',
  'dig',
  'get',
  'dict',
  'list',
  'splitList',
  'regexReplaceAll',
  'regexMatch',
  'contains',
  'hasPrefix',
  'hasSuffix',
  'ternary',
  'empty',
  'coalesce',
  'b64enc',
  'b64dec',
  'sha256sum',
  'toString',
  'atoi',
  'nospace',
  'indent',
  'nindent',
  'env',
  'expandenv',
  'base',
  'dir',
  'ext',
  'clean',
  'now',
  'date',
  'uuidv4',
  'randAlphaNum',
  'include',
]);

/** Go template keywords that define or call named templates: chezmoi's, never podman's formats. */
const TEMPLATE_KEYWORDS = new Set(['template', 'define', 'block']);

const FIELD = /(?<![A-Za-z0-9_)\]"'`])\.([A-Za-z_][A-Za-z0-9_]*)/g;
const WORD = /(?<![A-Za-z0-9_.$])([A-Za-z_][A-Za-z0-9_]*)/g;

export function classifyAction(span: TemplateSpan): ActionKind {
  if (span.comment || span.trimLeft || span.trimRight) return 'chezmoi';
  const action = span.action;
  if (action === '' || /^[#/>!^&{%]/.test(action)) return 'foreign';
  if (/^(?:"[^"]*"|`[^`]*`)$/.test(action)) return 'chezmoi'; // {{ "{{.ID}}" }}: the escaping idiom
  if (action.includes('.chezmoi') || /\$[A-Za-z_]*\s*:?=/.test(action))
    return 'chezmoi';
  const words = [...withoutStrings(action).matchAll(WORD)].map(m => m[1]);
  const head = words[0];
  if ((head === 'end' || head === 'else') && words.length === 1)
    return 'control';
  if (words.some(w => CHEZMOI_FUNCTIONS.has(w) || TEMPLATE_KEYWORDS.has(w)))
    return 'chezmoi';
  const fields = [...withoutStrings(action).matchAll(FIELD)].map(m => m[1]);
  if (fields.some(f => /^[a-z_]/.test(f))) return 'chezmoi';
  if (fields.length > 0 || /(?:^|[\s(])\.(?:$|[\s)])/.test(action))
    return 'podman';
  if (head === 'else' || head === 'end') return 'control';
  if (/\$\w*/.test(action)) return 'chezmoi';
  return 'foreign';
}

function withoutStrings(action: string): string {
  return action.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""');
}
