/** What podman's e2e suite expects of one test file (`_EXPECTATIONS.tsv`, from `quadlet_test.go`). */
export type ExpectationTable =
  | 'success'
  | 'warning'
  | 'error'
  | 'success-servicename'
  | 'success-with-deps';

export interface Expectation {
  table: ExpectationTable;
  file: string;
  /** Expected warning/error text, or `ServiceName=<name>` for `success-servicename`. */
  message: string;
  /** Files the test copies next to it. */
  dependencies: string[];
}

const TABLES = new Set<string>([
  'success',
  'warning',
  'error',
  'success-servicename',
  'success-with-deps',
]);

/** Parses the TSV (header `table file expected_message dependencies`); unknown rows are skipped. */
export function parseExpectations(tsv: string): Map<string, Expectation> {
  const out = new Map<string, Expectation>();
  for (const line of tsv.split(/\r?\n/)) {
    const [table, file, message = '', deps = ''] = line.split('\t');
    if (!table || !file || !TABLES.has(table)) continue;
    out.set(file, {
      table: table as ExpectationTable,
      file,
      message,
      dependencies: deps
        .split(',')
        .map(d => d.trim())
        .filter(Boolean),
    });
  }
  return out;
}

/**
 * Expectation a test file states about itself in podman's comment syntax
 * (`## assert-failed` + `## assert-stderr-contains "…"`), for files the table does not list.
 */
export function expectationFromHeader(
  file: string,
  text: string,
): Expectation | undefined {
  if (!/^## assert-failed\s*$/m.test(text)) {
    return undefined;
  }
  const stderr = /^## assert-stderr-contains "(.*)"\s*$/m.exec(text);
  return {
    table: 'error',
    file,
    message: stderr ? stderr[1] : '',
    dependencies: [],
  };
}

/** The text to look for in our messages: podman's prefixes (`converting "x": `, `Warning: `) removed. */
export function coreMessage(message: string): string {
  return message.replace(/^converting "[^"]*": /, '').replace(/^Warning: /, '');
}
