import { REDACTED, redactArgs, redactAssignment, redactValue } from './redact';

describe('redactArgs', () => {
  it('keeps environment names only', () => {
    expect(
      redactArgs(['--env=A=1', '-e', 'B=2', '--env', 'C', '-e=D=4']),
    ).toEqual(['--env=A', '-e', 'B', '--env', 'C', '-e=D']);
  });

  it('drops the value after a secret-looking option', () => {
    expect(
      redactArgs(['--password', 'x', '--api-key', 'y', '--port', '80']),
    ).toEqual(['--password', REDACTED, '--api-key', REDACTED, '--port', '80']);
  });

  it('drops secret-looking assignments and URL credentials', () => {
    expect(
      redactArgs(['TOKEN=abc', 'MODE=prod', 'redis://:pw@host:6379']),
    ).toEqual([`TOKEN=${REDACTED}`, 'MODE=prod', 'redis://host:6379']);
  });
});

describe('redactValue / redactAssignment', () => {
  it('drops values of secret-looking keys', () => {
    expect(redactValue('ADMIN_TOKEN', 'x')).toBeUndefined();
    expect(redactValue('Timezone', 'Europe/Paris')).toBe('Europe/Paris');
    expect(redactAssignment('--db-password=x')).toBe(
      `--db-password=${REDACTED}`,
    );
  });
});
