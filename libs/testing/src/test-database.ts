import { randomBytes } from 'crypto';
import { Client } from 'pg';
import {
  RUN_ID_VARIABLE,
  TEST_ADMIN_DATABASE_URL,
  appDatabaseUrl,
  databaseUrl,
  templateDatabaseName,
} from './test-env';

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** As the owner, who ran the migrations. */
  url: string;
  /** As the application's role (TEST_APP_ROLE), with the privileges the product grants it. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A copy of the run's migrated and seeded template: one per test file, so files never share rows. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(`TEMPLATE "${templateDatabaseName(runId())}"`);
}

/**
 * An empty database of this run, for a system with a schema of its own (the demo institution system): the
 * global teardown drops it with the run's others.
 */
export function createEmptyTestDatabase(): Promise<TestDatabase> {
  return createDatabase('');
}

function runId(): string {
  const id = process.env[RUN_ID_VARIABLE];
  if (!id) throw new Error('The Jest global set-up did not run (no test run id).');
  return id;
}

async function createDatabase(options: string): Promise<TestDatabase> {
  const name = `lr_test_${runId()}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" ${options}`.trim()));
  return {
    name,
    url: databaseUrl(name),
    appUrl: appDatabaseUrl(name),
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
