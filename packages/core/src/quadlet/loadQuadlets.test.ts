import { loadQuadlets } from './loadQuadlets';
import { tree } from './__fixtures__/tree';

describe('loadQuadlets', () => {
  it('reads units at any depth under the root, first name in walk order winning', () => {
    const loaded = loadQuadlets(
      tree({
        'q/web.container': '[Container]\nImage=x/a\n',
        'q/apps/web.container': '[Container]\nImage=x/b\n',
        'q/apps/db.container': '[Container]\nImage=x/c\n',
        'q/notes.txt': 'hello',
        'elsewhere/x.container': '[Container]\nImage=x/d\n',
      }),
      { root: 'q' },
    );
    expect(loaded.units.map(u => u.path)).toEqual([
      'q/web.container',
      'q/apps/db.container',
    ]);
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        file: 'q/apps/web.container',
        code: 'quadlet/shadowed-unit',
        severity: 'warning',
      }),
    ]);
  });

  it('merges drop-ins found in any searched directory', () => {
    const loaded = loadQuadlets(
      tree({
        'web-app.container': '[Container]\nImage=x/a\n',
        'container.d/10-common.conf': '[Container]\nLabel=team=a\n',
        'web-.container.d/20-web.conf': '[Container]\nLabel=tier=web\n',
        'sub/web-app.container.d/30-own.conf': '[Container]\nLabel=own=1\n',
      }),
    );
    expect(loaded.units[0].dropIns.map(d => d.path)).toEqual([
      'container.d/10-common.conf',
      'web-.container.d/20-web.conf',
      'sub/web-app.container.d/30-own.conf',
    ]);
  });

  it('flags drop-in directories for units that do not exist', () => {
    const loaded = loadQuadlets(
      tree({
        'web.container': '[Container]\nImage=x/a\n',
        'old.container.d/10.conf': '[Container]\nLabel=a=1\n',
        'web.container.d/10.conf': '[Container]\nLabel=a=1\n',
        'svc@.container.d/10.conf': '[Container]\nLabel=a=1\n',
      }),
    );
    expect(loaded.diagnostics.map(d => [d.file, d.code])).toEqual([
      ['old.container.d/10.conf', 'quadlet/orphan-drop-in'],
      ['svc@.container.d/10.conf', 'quadlet/orphan-drop-in'],
    ]);
  });

  it('makes a BOM an error for quadlets, with parse problems attached to the unit', () => {
    const loaded = loadQuadlets(
      tree({ 'web.container': '\ufeff[Container]\nImage=x/a\n' }),
    );
    expect(loaded.units[0].diagnostics).toEqual([
      expect.objectContaining({ code: 'unit/bom', severity: 'error', line: 1 }),
    ]);
  });
});
