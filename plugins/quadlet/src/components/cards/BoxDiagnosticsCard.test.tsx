import { screen } from '@testing-library/react';
import type { BoxDiagnostic } from '../../spec';
import { fixtures } from '../../__testUtils__/fixtures';
import { renderCard } from '../../__testUtils__/renderCard';
import { BoxDiagnosticsCard, sortDiagnostics } from './BoxDiagnosticsCard';

describe('sortDiagnostics', () => {
  it('puts errors first and keeps file order within a severity', () => {
    const d = (
      file: string,
      severity: BoxDiagnostic['severity'],
    ): BoxDiagnostic => ({
      file,
      line: 1,
      severity,
      code: 'x',
      message: file,
    });
    expect(
      sortDiagnostics([
        d('a', 'info'),
        d('b', 'error'),
        d('c', 'warning'),
        d('d', 'error'),
      ]).map(x => x.file),
    ).toEqual(['b', 'd', 'c', 'a']);
  });
});

describe('BoxDiagnosticsCard', () => {
  it('lists the problems of a broken box with file, line, severity and code', async () => {
    renderCard(<BoxDiagnosticsCard />, fixtures.brokenBox);
    expect(await screen.findByText('5 errors')).toBeInTheDocument();
    expect(
      screen.getByText(
        'broken-box:dotfiles/home/dot_config/containers/systemd/web.container:4',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/unsupported key 'NoSuchKey'/)).toBeInTheDocument();
    expect(screen.getByText('quadlet/unknown-key')).toBeInTheDocument();
    // Line 0 means the whole file: no `:0`.
    expect(
      screen.getByText(
        'broken-box:dotfiles/home/dot_config/containers/systemd/cache.container',
      ),
    ).toBeInTheDocument();
  });

  it('says so when every file was read cleanly', async () => {
    renderCard(<BoxDiagnosticsCard />, fixtures.sodimo);
    expect(
      await screen.findByText(
        'Every file of the box was read without a problem.',
      ),
    ).toBeInTheDocument();
  });

  it('counts the diagnostics left out', async () => {
    const spec = fixtures.brokenBox.spec as { quadlet: object };
    renderCard(<BoxDiagnosticsCard />, {
      ...fixtures.brokenBox,
      spec: {
        ...fixtures.brokenBox.spec,
        quadlet: { ...spec.quadlet, diagnosticsOmitted: 12 },
      },
    });
    expect(
      await screen.findByText(
        '12 more diagnostics not listed (the entity keeps the first 500).',
      ),
    ).toBeInTheDocument();
  });
});
