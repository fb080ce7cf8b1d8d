import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addIngressRule, commonIngressService } from './cloudflaredIngress';

const CONFIG = readFileSync(
  join(__dirname, '__fixtures__', 'cloudflared-config.yml'),
  'utf8',
);

describe('addIngressRule', () => {
  it('inserts after the last hostname rule, before the comment and catch-all', () => {
    const result = addIngressRule(
      CONFIG,
      'wiki.example.org',
      'http://127.0.0.1:80',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.text.split('\n');
    expect(lines.slice(result.line - 3, result.line + 3)).toEqual([
      '  - hostname: paperclip.sodimo.eu',
      '    service: http://127.0.0.1:80',
      '  - hostname: wiki.example.org',
      '    service: http://127.0.0.1:80',
      '  # mail.sodimo.eu is deliberately absent: IMAP clients connect straight to',
      '  # dovecot on :993, and SMTP to postfix, outside the tunnel.',
    ]);
    // Everything else is byte for byte the original.
    const inserted =
      '  - hostname: wiki.example.org\n    service: http://127.0.0.1:80\n';
    expect(result.text.replace(inserted, '')).toBe(CONFIG);
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const crlf =
      'ingress:\r\n  - hostname: a.example.org\r\n    service: http://127.0.0.1:80\r\n  - service: http_status:404';
    const result = addIngressRule(crlf, 'b.example.org', 'http://127.0.0.1:80');
    expect(result).toEqual({
      ok: true,
      line: 4,
      text: 'ingress:\r\n  - hostname: a.example.org\r\n    service: http://127.0.0.1:80\r\n  - hostname: b.example.org\r\n    service: http://127.0.0.1:80\r\n  - service: http_status:404',
    });
  });

  it('puts the rule first when the catch-all is the only rule', () => {
    const result = addIngressRule(
      'tunnel: x\ningress:\n- service: http_status:404\n',
      'a.example.org',
      'http://127.0.0.1:8080',
    );
    expect(result).toEqual({
      ok: true,
      line: 3,
      text: 'tunnel: x\ningress:\n- hostname: a.example.org\n  service: http://127.0.0.1:8080\n- service: http_status:404\n',
    });
  });

  it('appends when there is no catch-all', () => {
    const result = addIngressRule(
      'ingress:\n  - hostname: a.example.org\n    service: http://127.0.0.1:80\n',
      'b.example.org',
      'http://127.0.0.1:80',
    );
    expect(result.ok && result.text).toBe(
      'ingress:\n  - hostname: a.example.org\n    service: http://127.0.0.1:80\n  - hostname: b.example.org\n    service: http://127.0.0.1:80\n',
    );
  });

  it('refuses a hostname that already has a rule, and shapes it cannot edit', () => {
    expect(
      addIngressRule(CONFIG, 'archive.sodimo.eu', 'http://127.0.0.1:80'),
    ).toEqual({
      ok: false,
      reason: 'archive.sodimo.eu already has an ingress rule',
    });
    expect(
      addIngressRule(
        'ingress: [{service: "http_status:404"}]\n',
        'a.example.org',
        'http://x',
      ),
    ).toEqual(expect.objectContaining({ ok: false }));
    expect(addIngressRule('tunnel: x\n', 'a.example.org', 'http://x')).toEqual(
      expect.objectContaining({ ok: false }),
    );
    expect(
      addIngressRule('ingress:\n  - [\n', 'a.example.org', 'http://x'),
    ).toEqual(expect.objectContaining({ ok: false }));
  });
});

describe('commonIngressService', () => {
  it('is the service most hostname rules use', () => {
    expect(commonIngressService(CONFIG)).toBe('http://127.0.0.1:80');
    expect(
      commonIngressService('ingress:\n  - service: http_status:404\n'),
    ).toBeUndefined();
  });
});
