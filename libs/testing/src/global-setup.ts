// Jest's global set-up runs outside its module mapper: resolve the @lr/* aliases from tsconfig.json.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '@lr/database';
import { REGISTERED_INSTITUTIONS, seedInstitutions } from '@lr/institutions';
import {
  RUN_ID_VARIABLE,
  TEST_ADMIN_DATABASE_URL,
  TEST_APP_ROLE,
  databaseUrl,
  templateDatabaseName,
} from './test-env';

/**
 * Once per run: a template database with every migration applied, the application's privileges granted to
 * TEST_APP_ROLE (created when missing, safely when several runs start at once) and the demo institutions
 * seeded. Copies of the template keep its grants.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env[RUN_ID_VARIABLE] = runId;
  const template = templateDatabaseName(runId);
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl(template))).initialize();
  try {
    await migrate(dataSource, TEST_APP_ROLE);
    await dataSource.transaction((em) =>
      seedInstitutions(em, REGISTERED_INSTITUTIONS, { demo: true }),
    );
  } finally {
    await dataSource.destroy();
  }
}
