import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@lr/database';
import { REGISTERED_INSTITUTIONS, seedInstitutions } from '@lr/institutions';

/** A database of the benchmark's own on the given server, dropped when the scenario is done. */
export interface BenchDatabase {
  /** Also a safe stem for other names of the run (the queue prefix): lower case, digits and underscores. */
  name: string;
  url: string;
  /** Open on the new database, with the product's schema unless created `empty`. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /** No migrations and no demo institutions: for a scenario that brings its own tables. */
  empty?: boolean;
}

/**
 * Creates a fresh database on a PostgreSQL server where the benchmark may create and drop databases, applies
 * every migration and seeds the demo institutions (as the test set-up and `npm start` do). A name of its own
 * per run keeps concurrent runs (a benchmark and the test suite, say) apart.
 */
export async function createBenchDatabase(
  serverUrl: string,
  options: BenchDatabaseOptions = {},
): Promise<BenchDatabase> {
  const name = `lr_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dataSource: DataSource | undefined;
  const drop = async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await onServer(serverUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
  };
  try {
    dataSource = await new DataSource(dataSourceOptions(url.toString())).initialize();
    if (!options.empty) {
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.transaction((em) => seedInstitutions(em, REGISTERED_INSTITUTIONS, { demo: true }));
    }
    return { name, url: url.toString(), dataSource, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Runs fn with a fresh bench database and drops it afterwards, whether fn succeeded or not. */
export async function withBenchDatabase<T>(
  serverUrl: string,
  fn: (database: BenchDatabase) => Promise<T>,
  options: BenchDatabaseOptions = {},
): Promise<T> {
  const database = await createBenchDatabase(serverUrl, options);
  try {
    return await fn(database);
  } finally {
    await database.drop();
  }
}

async function onServer(serverUrl: string, fn: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await fn(admin);
  } finally {
    await admin.end();
  }
}
