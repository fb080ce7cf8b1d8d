/**
 * `Mount=` values: one comma-separated record read with Go's `encoding/csv` rules, as
 * podman's `FindMountType` does (a field may be double-quoted to hold commas).
 */

export const MOUNT_FORMAT_ERROR =
  'incorrect mount format: should be --mount type=<bind|glob|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]';

export interface MountSpec {
  /** `type=` value; `volume` when absent (podman's default). */
  type: string;
  /** Every other field, in order. */
  tokens: string[];
}

/** Parses CSV records (Go's strict mode: no bare quotes in unquoted fields). */
export function parseCsvRecords(input: string): {
  records: string[][];
  error?: string;
} {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  const n = input.length;
  if (n === 0) {
    return { records };
  }
  for (;;) {
    let field = '';
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) {
          return {
            records: [],
            error: 'extraneous or missing " in quoted-field',
          };
        }
        const ch = input[i];
        if (ch === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += ch;
        i++;
      }
      if (
        i < n &&
        input[i] !== ',' &&
        input[i] !== '\n' &&
        !(input[i] === '\r' && input[i + 1] === '\n')
      ) {
        return {
          records: [],
          error: 'extraneous or missing " in quoted-field',
        };
      }
    } else {
      while (i < n && input[i] !== ',' && input[i] !== '\n') {
        if (input[i] === '"') {
          return { records: [], error: 'bare " in non-quoted-field' };
        }
        field += input[i];
        i++;
      }
      if (field.endsWith('\r') && input[i] === '\n') {
        field = field.slice(0, -1);
      }
    }
    fields.push(field);
    if (i >= n) {
      records.push(fields);
      break;
    }
    if (input[i] === '\r') i++;
    if (input[i] === '\n') {
      records.push(fields);
      fields = [];
      i++;
      if (i >= n) break;
      continue;
    }
    i++; // the comma
    if (i >= n) {
      fields.push('');
      records.push(fields);
      break;
    }
  }
  // encoding/csv skips empty lines.
  return { records: records.filter(r => !(r.length === 1 && r[0] === '')) };
}

/** Splits a mount value into its type and other fields, or gives podman's error. */
export function parseMountSpec(input: string): MountSpec | { error: string } {
  const { records, error } = parseCsvRecords(input);
  if (error) {
    return { error };
  }
  if (records.length !== 1) {
    return { error: MOUNT_FORMAT_ERROR };
  }
  let type: string | undefined;
  const tokens: string[] = [];
  for (const field of records[0]) {
    const kv = field.split('=');
    if (type === undefined && kv.length === 2 && kv[0] === 'type') {
      type = kv[1];
    } else {
      tokens.push(field);
    }
  }
  return { type: type ?? 'volume', tokens };
}

/** The `source=`/`src=` field of a mount (the last one wins, as in podman). */
export function mountSource(
  tokens: readonly string[],
): { index: number; value: string; hasValue: boolean } | undefined {
  let found: { index: number; value: string; hasValue: boolean } | undefined;
  tokens.forEach((token, index) => {
    const eq = token.indexOf('=');
    const key = eq >= 0 ? token.slice(0, eq) : token;
    if (key === 'source' || key === 'src') {
      found = {
        index,
        value: eq >= 0 ? token.slice(eq + 1) : '',
        hasValue: eq >= 0,
      };
    }
  });
  return found;
}

/** The `destination=`/`dst=`/`target=` field of a mount. */
export function mountDestination(
  tokens: readonly string[],
): string | undefined {
  let found: string | undefined;
  for (const token of tokens) {
    const eq = token.indexOf('=');
    if (eq < 0) continue;
    const key = token.slice(0, eq);
    if (key === 'destination' || key === 'dst' || key === 'target') {
      found = token.slice(eq + 1);
    }
  }
  return found;
}
