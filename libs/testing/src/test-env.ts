/**
 * Where the tests find PostgreSQL and Redis: the machine's services unless TEST_DATABASE_URL / TEST_REDIS_URL
 * say otherwise. Tests never touch the product's own database: each run makes a template database, each test
 * file a copy of it, and every Redis key gets a per-file prefix.
 */
export const TEST_ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The role the API and worker connect as in the tests, with only the application's privileges (see
 * libs/database/src/application-role.ts), so that every end-to-end test proves the product works with them.
 * Roles belong to the whole server: the set-up creates it once and no run drops it, since runs overlap. Its
 * password only matters where the server asks for one.
 */
export const TEST_APP_ROLE = { name: 'lr_test_app', password: 'lr_test_app' };

/** Set by the global set-up for the test files of one run. */
export const RUN_ID_VARIABLE = 'LEERROUTES_TEST_RUN_ID';

export function templateDatabaseName(runId: string): string {
  return `lr_test_${runId}_template`;
}

/** A test database as its owner (the administrative user) reaches it. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A test database as the application's role reaches it. */
export function appDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = TEST_APP_ROLE.name;
  url.password = TEST_APP_ROLE.password;
  return url.toString();
}
