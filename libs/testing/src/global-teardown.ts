import { Client } from 'pg';
import { RUN_ID_VARIABLE, TEST_ADMIN_DATABASE_URL } from './test-env';

/** Drops this run's databases (the template and any copy a crashed test file left behind). */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env[RUN_ID_VARIABLE];
  if (!runId) return;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`lr_test_${runId}_%`],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
