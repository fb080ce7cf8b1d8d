import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a helper binary the integration tests need, naming the Debian package when it is missing. */
export async function runTool(
  command: string,
  args: string[],
  debianPackage: string,
): Promise<string> {
  try {
    return (await run(command, args)).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${command} is missing: install the Debian package ${debianPackage}`,
      );
    }
    throw error;
  }
}
