/** Where a templated value comes from, judged by the chezmoi function that fetches it. */
export type EnvValueSource =
  | 'literal'
  | 'reference'
  | 'template'
  | 'secret-manager'
  | 'command';

const SECRET_MANAGERS: [RegExp, string][] = [
  [/^(?:bitwarden\w*|rbw\w*)$/, 'bitwarden'],
  [/^onepassword\w*$/, '1password'],
  [/^(?:pass|passFields|passRaw)$/, 'password-store'],
  [/^gopass\w*$/, 'gopass'],
  [/^(?:keepassxc\w*|passhole)$/, 'keepass'],
  [/^lastpass\w*$/, 'lastpass'],
  [/^(?:vault|hcpVaultSecret\w*)$/, 'hashicorp-vault'],
  [/^keyring$/, 'keyring'],
  [/^dashlane\w*$/, 'dashlane'],
  [/^doppler\w*$/, 'doppler'],
  [/^ejsonDecrypt\w*$/, 'ejson'],
  [/^keeper\w*$/, 'keeper'],
  [/^awsSecretsManager\w*$/, 'aws-secrets-manager'],
  [/^azureKeyVault$/, 'azure-key-vault'],
  [/^protonPass\w*$/, 'proton-pass'],
  [/^(?:secret|secretJSON)$/, 'secret-command'],
  [/^decrypt$/, 'chezmoi-encryption'],
];

export interface ActionSource {
  source: EnvValueSource;
  /** Name of the secret manager (`bitwarden`, `1password`…), never what it returns. */
  secretManager: string | null;
}

/** Reads which functions a chezmoi action calls and says where its value comes from. */
export function actionSource(action: string): ActionSource {
  const words =
    action
      .replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""')
      .match(/(?<![\w.$])[A-Za-z_]\w*/g) ?? [];
  for (const word of words) {
    for (const [pattern, manager] of SECRET_MANAGERS) {
      if (pattern.test(word))
        return { source: 'secret-manager', secretManager: manager };
    }
  }
  if (words.some(w => w === 'output' || w === 'outputList'))
    return { source: 'command', secretManager: null };
  return { source: 'template', secretManager: null };
}
