import type { EnvFile, EnvFileRef } from '../inventory/types';
import {
  at,
  contextOf,
  emptyInventory,
  policyWith,
  QUADLETS,
  runOnly,
  summary,
  systemdUnit,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { envFileMissing } from './envFileMissing';

const ref = (
  file: string,
  name: string,
  line: number,
  optional = false,
): EnvFileRef => ({
  path: `%h/.config/sodimo/${name}`,
  envFile: `.config/sodimo/${name}`,
  optional,
  source: at(`${QUADLETS}/${file}`, line),
});
const envFile = (name: string, status: EnvFile['status']): EnvFile => ({
  key: `.config/sodimo/${name}`,
  references: [],
  status,
  ...(status === 'template'
    ? {
        file: { tree: 'dotfiles', path: `home/dot_config/sodimo/${name}.tmpl` },
      }
    : {}),
  variables: [],
  usedBy: [],
  decisions: [],
});

describe('env-file-missing', () => {
  const inventory = emptyInventory({
    units: [
      unit('twenty.container', {
        envFiles: [ref('twenty.container', 'twenty.env', 21)],
      }),
      unit('piler.container', {
        envFiles: [ref('piler.container', 'piler.env', 17)],
      }),
      unit('opt.container', {
        envFiles: [ref('opt.container', 'opt.env', 9, true)],
      }),
      unit('ext.container', {
        envFiles: [
          {
            ...ref('ext.container', 'x.env', 7),
            path: '/etc/sodimo/x.env',
            envFile: '/etc/sodimo/x.env',
          },
        ],
      }),
    ],
    systemdUnits: [
      systemdUnit('drain.service', {
        envFiles: [ref('drain.service', 'drain.env', 6)],
      }),
    ],
    envFiles: [
      envFile('twenty.env', 'missing'),
      envFile('piler.env', 'template'),
      envFile('opt.env', 'missing'),
      { ...envFile('x.env', 'external'), key: '/etc/sodimo/x.env' },
      envFile('drain.env', 'present'),
    ],
  });

  it('fails a required env file with neither a file nor a template; optional ones pass; outside files are unknown', () => {
    const results = envFileMissing.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail twenty.container %h/.config/sodimo/twenty.env',
      'pass drain.service %h/.config/sodimo/drain.env',
      'pass opt.container %h/.config/sodimo/opt.env',
      'pass piler.container %h/.config/sodimo/piler.env',
      'unknown ext.container /etc/sodimo/x.env',
    ]);
    expect(results.find(r => r.status === 'fail')).toMatchObject({
      line: 21,
      message:
        '`EnvironmentFile=%h/.config/sodimo/twenty.env` is neither in the repo nor rendered from a `.env.tmpl`',
    });
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('env-file-missing', 'twenty.service')),
    );
    expect(
      runOnly('env-file-missing', contextOf(inventory, policy)).find(
        r => r.entityName === 'twenty.container',
      )!.status,
    ).toBe('waived');
  });
});
