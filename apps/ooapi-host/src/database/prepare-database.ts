import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hostDataSourceOptions } from './host-data-source.options';
import { seedCatalogue } from './seed-catalogue';

/** Makes the database ready to serve: created when missing, migrated, the demo catalogue seeded. */
export async function prepareHostDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const dataSource = await new DataSource(hostDataSourceOptions(url)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction((manager) => seedCatalogue(manager));
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the database on its server (as scripts/start.mjs does for Leerroutes') when it is not there yet. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${target.host} does not answer: ${(error as Error).message}. Set OOAPI_HOST_DATABASE_URL.`,
    );
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
