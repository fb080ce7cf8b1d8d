import {
  contextOf,
  emptyInventory,
  policyWith,
  QUADLETS,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { configError } from './configError';

describe('config-error', () => {
  const web = unit('web.container', {
    dropIns: [
      {
        tree: 'dotfiles',
        path: `${QUADLETS}/web.container.d/10-x.conf`,
        directory: 'web.container.d',
      },
    ],
  });
  const inventory = emptyInventory({
    units: [web, unit('db.container')],
    diagnostics: [
      {
        tree: 'dotfiles',
        file: `${QUADLETS}/web.container.d/10-x.conf`,
        line: 3,
        severity: 'error',
        code: 'quadlet/unknown-key',
        message: 'unsupported key "Imagee" in group "Container"',
      },
      {
        tree: 'dotfiles',
        file: `${QUADLETS}/db.container`,
        line: 2,
        severity: 'warning',
        code: 'quadlet/short-name',
        message: 'short name',
      },
      {
        tree: 'dotfiles',
        file: 'home/dot_config/llama-swap/llama-swap.yaml',
        line: 7,
        severity: 'error',
        code: 'llama-swap/yaml-syntax',
        message: 'bad indentation',
      },
    ],
  });

  it('fails the unit a refused drop-in belongs to and files outside units; warnings do not count', () => {
    const results = configError.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail home/dot_config/llama-swap/llama-swap.yaml llama-swap/yaml-syntax bad indentation',
      'fail web.container quadlet/unknown-key unsupported key "Imagee" in group "Container"',
      'pass db.container',
    ]);
    expect(results.find(r => r.entityName === 'web.container')).toMatchObject({
      entityRef: 'component:sodimo/web',
      file: `${QUADLETS}/web.container.d/10-x.conf`,
      line: 3,
      message:
        'quadlet/unknown-key: unsupported key "Imagee" in group "Container"',
    });
    expect(results.find(r => r.entityKind === 'file')).toMatchObject({
      entity: 'file:dotfiles:home/dot_config/llama-swap/llama-swap.yaml',
      line: 7,
    });
  });

  it('fails the policy file when it has errors', () => {
    const policyDiagnostics = [
      {
        tree: 'dotfiles',
        file: '.quadlet-portal/policy.yaml',
        line: 4,
        severity: 'error' as const,
        code: 'policy/invalid',
        message: 'waivers[0].expires: is required',
      },
    ];
    const results = configError.run(
      contextOf(emptyInventory(), undefined, { policyDiagnostics }),
    );
    expect(results).toEqual([
      expect.objectContaining({
        status: 'fail',
        file: '.quadlet-portal/policy.yaml',
        line: 4,
        message: 'policy/invalid: waivers[0].expires: is required',
      }),
    ]);
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('config-error', 'web')),
    );
    expect(
      runOnly('config-error', contextOf(inventory, policy)).find(
        r => r.entityName === 'web.container',
      )!.status,
    ).toBe('waived');
  });
});
