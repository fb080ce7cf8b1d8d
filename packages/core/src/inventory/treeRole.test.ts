import { detectTreeRole } from './treeRole';

const paths = (...list: string[]) => list.map(path => ({ path }));

describe('detectTreeRole', () => {
  it('prefers strong markers', () => {
    expect(detectTreeRole(paths('README.md', '.chezmoiroot'))).toEqual({
      role: 'dotfiles',
      from: '.chezmoiroot',
    });
    expect(detectTreeRole(paths('mkosi.conf', 'dot_bashrc'))).toEqual({
      role: 'os',
      from: 'mkosi.conf',
    });
    expect(detectTreeRole(paths('mkosi.conf.d/10.conf'))).toEqual({
      role: 'os',
      from: 'mkosi.conf',
    });
  });

  it('falls back to weak markers, OS first', () => {
    expect(
      detectTreeRole(
        paths('dot_config/x', 'files/usr/lib/bootc/kargs.d/a.toml'),
      ),
    ).toEqual({ role: 'os', from: 'usr/lib/bootc' });
    expect(detectTreeRole(paths('dot_litellm/config.yaml'))).toEqual({
      role: 'dotfiles',
      from: 'dot_ name',
    });
    expect(detectTreeRole(paths('home/.chezmoiignore'))).toEqual({
      role: 'dotfiles',
      from: '.chezmoi* file',
    });
  });

  it('says other when nothing tells', () => {
    expect(detectTreeRole(paths('apps/web/web.container'))).toEqual({
      role: 'other',
      from: 'no marker',
    });
  });
});
