import path from 'node:path';
import { captureIo } from '../testIo';
import { docsCommand } from './docs';

const REPO = path.resolve(__dirname, '../../../..');
const HINT = 'yarn quadlet-portal docs examples/sodimo --out docs/examples/sodimo';

/**
 * The guide of the example box is committed under docs/examples/sodimo. Regenerating it (the
 * same command, with the scorecard's findings) must not change a byte; when it would, the box
 * or the generator changed and the committed guide has to be regenerated.
 */
describe('the committed guide of examples/sodimo', () => {
  it('is what the generator writes today', async () => {
    const io = captureIo(REPO);
    const code = await docsCommand.run(['examples/sodimo', '--out', 'docs/examples/sodimo', '--check'], io);
    const report = `${io.out()}${io.err()}`;
    if (code !== 0) {
      throw new Error(`docs/examples/sodimo is out of date. Regenerate it from the repository root with\n\n  ${HINT}\n\n${report}`);
    }
    expect(report).toBe('docs: docs/examples/sodimo is up to date (34 files)\n');
  });
});
