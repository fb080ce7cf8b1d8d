import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseImageReference } from '../image';
import { bumpImage, bumpImageFile } from './bumpImage';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/**
 * The text a bump must produce: the input with `oldValue` on `line` replaced by `newValue`
 * and every other byte kept. Offsets are found in the original, so the comparison covers
 * every byte of the file.
 */
function expectedAfter(
  text: string,
  line: number,
  oldValue: string,
  newValue: string,
): string {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  const at = text.indexOf(oldValue, offset);
  const lineEnd = text.indexOf('\n', offset);
  expect(at).toBeGreaterThanOrEqual(offset);
  if (lineEnd >= 0) expect(at + oldValue.length).toBeLessThanOrEqual(lineEnd);
  return text.slice(0, at) + newValue + text.slice(at + oldValue.length);
}

describe('bumpImage', () => {
  it('changes only the Image= value of a unit file', () => {
    const text = fixture('web.container');
    const to = `docker.io/library/nginx:1.27-alpine@${DIGEST}`;
    const result = bumpImage(text, { to, path: 'web.container' });
    expect(result).toMatchObject({
      ok: true,
      line: 11,
      from: 'docker.io/library/nginx:1.27-alpine',
      to,
      changed: true,
    });
    if (!result.ok) return;
    expect(result.text).toBe(
      expectedAfter(text, 11, 'docker.io/library/nginx:1.27-alpine', to),
    );
  });

  it('keeps CRLF endings, a BOM, trailing blanks and a missing final newline', () => {
    const text =
      '\uFEFF# header\r\n[Container]\r\nImage=redis:7  \r\n; after\r\nExec=redis-server';
    const to = `redis:7@${DIGEST}`;
    const result = bumpImage(text, { to });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe(
      `\uFEFF# header\r\n[Container]\r\nImage=redis:7@${DIGEST}  \r\n; after\r\nExec=redis-server`,
    );
  });

  it('keeps the quotes around a quoted value (a drop-in)', () => {
    const text = fixture('web.container.d/10-image.conf');
    const to = 'ghcr.io/example/web:1.3.0';
    const result = bumpImage(text, {
      to,
      path: 'web.container.d/10-image.conf',
    });
    expect(result).toMatchObject({
      ok: true,
      from: 'ghcr.io/example/web:mainline',
    });
    if (!result.ok) return;
    expect(result.text).toBe(
      expectedAfter(text, 3, 'ghcr.io/example/web:mainline', to),
    );
  });

  it('works on the file bytes, and leaves them alone when nothing changes', () => {
    const content = Buffer.from(fixture('web.container'), 'utf8');
    const same = bumpImageFile(
      { path: 'web.container', content },
      { to: 'docker.io/library/nginx:1.27-alpine' },
    );
    expect(same).toEqual({
      ok: true,
      content,
      line: 11,
      from: 'docker.io/library/nginx:1.27-alpine',
      to: 'docker.io/library/nginx:1.27-alpine',
      changed: false,
    });

    const parsed = parseImageReference('docker.io/library/nginx:1.28-alpine');
    if (!parsed.ok) throw new Error(parsed.error);
    const moved = bumpImageFile(
      { path: 'web.container', content },
      { to: parsed.reference },
    );
    expect(moved.ok && moved.content.toString('utf8')).toBe(
      expectedAfter(
        content.toString('utf8'),
        11,
        'docker.io/library/nginx:1.27-alpine',
        'docker.io/library/nginx:1.28-alpine',
      ),
    );
  });

  it('refuses bytes that are not UTF-8', () => {
    const content = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n[Container]\nImage=redis:7\n'),
    ]);
    const result = bumpImageFile(
      { path: 'latin1.container', content },
      { to: 'redis:8' },
    );
    expect(result).toEqual({
      ok: false,
      reason:
        'latin1.container: the file is not valid UTF-8; rewriting it would change bytes other than Image=',
    });
  });

  it('edits the entry at the given line and checks what it holds', () => {
    const text = '[Container]\nImage=a.io/x:1\nImage=a.io/x:2\n';
    const first = bumpImage(text, { to: 'a.io/x:3', line: 2 });
    expect(first.ok && first.text).toBe(
      '[Container]\nImage=a.io/x:3\nImage=a.io/x:2\n',
    );
    const last = bumpImage(text, { to: 'a.io/x:3' });
    expect(last.ok && last.text).toBe(
      '[Container]\nImage=a.io/x:1\nImage=a.io/x:3\n',
    );
    expect(bumpImage(text, { to: 'a.io/x:3', line: 1 })).toEqual({
      ok: false,
      reason: 'line 1 starts no Image= entry',
      line: 1,
    });
    expect(
      bumpImage(text, {
        to: 'a.io/x:3',
        line: 3,
        from: 'a.io/x:1',
        path: 'x.container',
      }),
    ).toEqual({
      ok: false,
      reason:
        'x.container:3: Image= is "a.io/x:2", not "a.io/x:1" as planned; the file changed since',
      line: 3,
    });
  });

  it('refuses a line that is not an Image= of an image section', () => {
    const text = '[Container]\nExec=run\n[Build]\nImageTag=a.io/x:1\n';
    expect(bumpImage(text, { to: 'a.io/x:2', line: 2 })).toMatchObject({
      ok: false,
      reason:
        'line 2 holds Exec=, not Image= of [Container], [Image], [Volume]',
    });
    expect(bumpImage(text, { to: 'a.io/x:2' })).toMatchObject({
      ok: false,
      reason: 'the file has no Image= entry in [Container], [Image], [Volume]',
    });
  });

  it('refuses a target that is not a registry reference, or could inject lines', () => {
    const text = '[Container]\nImage=redis:7\n';
    const refusals: [string, string][] = [
      ['redis:8\nExecStartPre=/bin/sh -c evil', 'contains whitespace'],
      ['local.image', 'names the quadlet unit local.image'],
      ['oci-archive:/tmp/x.tar', 'is a local oci-archive: image'],
      ['redis:${TAG}', 'holds template or specifier markup'],
      ['Redis:8', 'cannot bump to it'],
    ];
    for (const [to, reason] of refusals) {
      expect(bumpImage(text, { to })).toEqual({
        ok: false,
        reason: expect.stringContaining(reason),
      });
    }
  });

  it('refuses a current value that is not a registry reference', () => {
    const cases: [string, string][] = [
      ['Image=app.build', 'names the quadlet unit app.build'],
      ['Image=redis:7 # pinned later', 'contains whitespace'],
      ['Image=ghcr.io/x/%i:1', 'holds template or specifier markup'],
    ];
    for (const [line, reason] of cases) {
      expect(bumpImage(`[Container]\n${line}\n`, { to: 'redis:8' })).toEqual({
        ok: false,
        line: 2,
        reason: expect.stringContaining(reason),
      });
    }
  });

  it('refuses an Image= continued over several lines', () => {
    const result = bumpImage('[Container]\nImage=ghcr.io/x/y\\\n:1\n', {
      to: 'ghcr.io/x/y:2',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'Image= continues over lines 2-3; join it onto one line first',
      line: 2,
    });
  });

  describe('chezmoi templates', () => {
    const path = 'dot_config/containers/systemd/private_app.container.tmpl';

    it('edits a plain Image= line of a template and keeps the markup around it', () => {
      const text = fixture('private_app.container.tmpl');
      const to = `quay.io/example/app:2.4.1@${DIGEST}`;
      const result = bumpImage(text, { to, path, line: 9 });
      expect(result).toMatchObject({ ok: true, line: 9, changed: true });
      if (!result.ok) return;
      expect(result.text).toBe(
        expectedAfter(text, 9, 'quay.io/example/app:2.4.1', to),
      );
      // Without a line, the last Image= of the neutralised template is the one edited.
      const last = bumpImage(text, { to, path });
      expect(last.ok && last.text).toBe(result.ok && result.text);
    });

    it('refuses an Image= line that holds template markup, naming it', () => {
      const result = bumpImage(fixture('private_tagged.container.tmpl'), {
        to: 'ghcr.io/example/tagged:3.0.0',
        path: 'private_tagged.container.tmpl',
      });
      expect(result).toEqual({
        ok: false,
        line: 2,
        reason:
          'private_tagged.container.tmpl:2: Image= contains chezmoi template markup ({{ .taggedVersion }}); what it renders to depends on chezmoi data, so edit it by hand',
      });
    });

    it('treats braces in a plain unit as a value, not chezmoi markup', () => {
      const result = bumpImage(fixture('private_tagged.container.tmpl'), {
        to: 'ghcr.io/example/tagged:3.0.0',
        path: 'tagged.container',
      });
      expect(result).toEqual({
        ok: false,
        line: 2,
        reason: expect.stringContaining('template or specifier markup'),
      });
    });
  });

  it('changes no byte outside the Image= value, whatever surrounds it', () => {
    const otherLine = fc.oneof(
      fc.constantFrom(
        '',
        '# comment',
        '; other comment',
        '  # indented',
        'Exec=/bin/true',
        'Environment=A=1 "B=2 3"',
        'Label=x=y \\\n  # inside\n  continued',
        '[Unit]',
        'Description=thing',
        'Volume=%h/data:/data:Z',
        '   ',
        '\t',
      ),
      fc.string({ maxLength: 20 }).map(s => s.replace(/[\r\n\\]/g, '')),
    );
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(otherLine, eol), { maxLength: 8 }),
        fc.array(fc.tuple(otherLine, eol), { maxLength: 8 }),
        fc.constantFrom('', ' ', '\t', '  '),
        fc.constantFrom('', ' ', '\t'),
        fc.boolean(),
        fc.constantFrom('', '\n', '\r\n'),
        (before, after, lead, trail, quoted, finalEol) => {
          const head = before.map(([t, e]) => t + e).join('');
          // The section header always precedes Image=, and nothing before it continues onto it.
          const value = quoted ? '"ghcr.io/o/app:1.0"' : 'ghcr.io/o/app:1.0';
          const imageLine = `[Container]\n${lead}Image=${lead}${value}${trail}`;
          const tail = after
            .filter(([t]) => !/^\s*\[/.test(t) && !/Image\s*=/.test(t))
            .map(([t, e]) => e + t)
            .join('');
          const text = `${head}\n${imageLine}${tail}${finalEol}`;
          const result = bumpImage(text, { to: 'ghcr.io/o/app:2.0' });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const newValue = quoted ? '"ghcr.io/o/app:2.0"' : 'ghcr.io/o/app:2.0';
          const at =
            head.length +
            1 +
            '[Container]\n'.length +
            lead.length * 2 +
            'Image='.length;
          expect(result.text).toBe(
            text.slice(0, at) + newValue + text.slice(at + value.length),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
