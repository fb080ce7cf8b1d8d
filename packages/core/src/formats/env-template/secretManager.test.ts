import { actionSource } from './secretManager';

describe('actionSource', () => {
  it.each([
    ['(bitwardenFields "item" "x").y.value', 'secret-manager', 'bitwarden'],
    ['onepasswordRead "op://v/i/f"', 'secret-manager', '1password'],
    [
      '(onepasswordDetailsFields "uuid").password.value',
      'secret-manager',
      '1password',
    ],
    ['pass "openai/api"', 'secret-manager', 'password-store'],
    ['keepassxcAttribute "x" "y"', 'secret-manager', 'keepass'],
    ['vault "secret/x"', 'secret-manager', 'hashicorp-vault'],
    ['output "git" "rev-parse" "HEAD" | trim', 'command', null],
    ['.litellm_ui_user', 'template', null],
    ['"pass"', 'template', null],
  ])('%s → %s', (action, source, manager) => {
    expect(actionSource(action)).toEqual({ source, secretManager: manager });
  });
});
