/** Entry point of the `quadlet-portal` command; sets the exit code, never throws. */
export async function run(argv: string[]): Promise<void> {
  const [command] = argv;
  process.stderr.write(`quadlet-portal: unknown command ${command ?? ''}\n`);
  process.exitCode = 2;
}
