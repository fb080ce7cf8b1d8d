import { screen, within } from '@testing-library/react';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { KernelArgsCard } from './KernelArgsCard';

describe('KernelArgsCard', () => {
  it('groups the args of a kargs.d file under their shared rationale', async () => {
    renderCard(<KernelArgsCard />, fixtures.kernelArgs);
    const file = within(
      await screen.findByRole('region', { name: '00-strix-halo.toml' }),
    );
    expect(file.getByText('amd_iommu=off')).toBeInTheDocument();
    expect(file.getByText('ttm.pages_limit=33554432')).toBeInTheDocument();
    expect(
      file.getByText(/Kernel arguments for the Strix Halo iGPU/),
    ).toBeInTheDocument();
    expect(file.getAllByText('x86_64').length).toBe(3);
  });

  it('says what the image boots with when there are no args', async () => {
    renderCard(<KernelArgsCard />, {
      ...fixtures.kernelArgs,
      spec: { type: 'kernel-args', quadlet: { kind: 'kernel-args', args: [] } },
    });
    expect(
      await screen.findByText(
        'No kargs.d file and no KernelCommandLine=: the image boots with the default command line.',
      ),
    ).toBeInTheDocument();
  });
});
