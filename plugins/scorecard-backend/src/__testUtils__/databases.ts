import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/** TestDatabases reads `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING`. */
const envName = (id: TestDatabaseId) =>
  `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`;

/**
 * The PostgreSQL the tests may use: the one scripts/ci/start-postgres.sh announced (a
 * `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING`), or a server named by
 * `POSTGRES_HOST` / `POSTGRES_PORT` / `POSTGRES_USER` / `POSTGRES_PASSWORD`. With
 * `QP_REQUIRE_INTEGRATION=1` and neither, the tests fail instead of skipping PostgreSQL.
 */
export function postgresTestId(): TestDatabaseId | undefined {
  const configured = POSTGRES_IDS.find(id => process.env[envName(id)]);
  if (configured) return configured;
  const host = process.env.POSTGRES_HOST;
  if (host) {
    const user = encodeURIComponent(process.env.POSTGRES_USER ?? 'postgres');
    const password = process.env.POSTGRES_PASSWORD
      ? `:${encodeURIComponent(process.env.POSTGRES_PASSWORD)}`
      : '';
    process.env[
      envName('POSTGRES_17')
    ] = `postgresql://${user}${password}@${host}:${
      process.env.POSTGRES_PORT ?? '5432'
    }`;
    return 'POSTGRES_17';
  }
  if (process.env.QP_REQUIRE_INTEGRATION === '1')
    throw new Error(
      'QP_REQUIRE_INTEGRATION=1 but no PostgreSQL is configured: run `eval "$(scripts/ci/start-postgres.sh)"` ' +
        'first (it exports BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING), or set POSTGRES_HOST',
    );
  return undefined;
}

/** Real SQLite always; real PostgreSQL when configured (required in CI). */
export function scorecardTestDatabases(): {
  databases: TestDatabases;
  ids: TestDatabaseId[];
  postgres?: TestDatabaseId;
} {
  const postgres = postgresTestId();
  const ids: TestDatabaseId[] = postgres
    ? ['SQLITE_3', postgres]
    : ['SQLITE_3'];
  return { databases: TestDatabases.create({ ids }), ids, postgres };
}
