import { DataSource, EntityManager } from 'typeorm';

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

const READ_WRITE: readonly Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/**
 * What the API and the workers may do, table by table, when they connect as a role of their own
 * (DATABASE_URL's user) rather than as the schema's owner (MIGRATION_DATABASE_URL's). The audit log may only be
 * read and appended to: without UPDATE, DELETE and TRUNCATE, and not being its owner (no ALTER TABLE … DISABLE
 * TRIGGER) nor a superuser (no session_replication_role), the application cannot rewrite it even when its
 * trigger would let it. Client addresses may be deleted: the retention forgets them.
 *
 * Every table must be named here: granting runs after the migrations and refuses a table that is not, so a
 * new table gets a decision rather than a default. (ALTER DEFAULT PRIVILEGES would hand every future table
 * the same rights silently, an append-only one included.)
 */
export const APPLICATION_PRIVILEGES: Readonly<Record<string, readonly Privilege[]>> = {
  institutions: READ_WRITE,
  programmes: READ_WRITE,
  exam_boards: READ_WRITE,
  // Kept by their institutions, and never removed by the application: requests, timelines and credit records
  // name them. Closing one takes it out of the catalogue instead.
  offerings: ['SELECT', 'INSERT', 'UPDATE'],
  people: READ_WRITE,
  requests: READ_WRITE,
  components: READ_WRITE,
  component_results: READ_WRITE,
  // What a result was before the host replaced it: kept, never changed.
  component_result_history: ['SELECT', 'INSERT'],
  recognitions: READ_WRITE,
  credit_entries: READ_WRITE,
  transitions: READ_WRITE,
  outbox: READ_WRITE,
  notifications: READ_WRITE,
  tuition_proofs: READ_WRITE,
  // The records of institutions that keep their students here: sign-in and proofs of tuition read them, and
  // the institution's admins (in development the issuer's stand-in for them) enter and correct them through
  // StudentRegisterWriter. Never removed by the application: a host may still ask a former student's proof.
  student_register: ['SELECT', 'INSERT', 'UPDATE'],
  audit_log: ['SELECT', 'INSERT'],
  // The record of each catalogue synchronisation, kept for the institution's admins: a run is updated as it goes,
  // never removed.
  catalogue_syncs: ['SELECT', 'INSERT', 'UPDATE'],
  audit_client_addresses: ['SELECT', 'INSERT', 'DELETE'],
};

/** TypeORM's record of the applied migrations: the owner's business alone. */
const OWNER_ONLY = ['migrations'];

export interface ApplicationRole {
  name: string;
  /** Set on the role when setup creates it, so that the application can sign in where passwords are asked. */
  password?: string;
}

function userOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username);
}

/**
 * The application's role: DATABASE_URL's user, so the two cannot disagree. Undefined when the application
 * connects as the owner itself (MIGRATION_DATABASE_URL left at its default): then there is nothing to grant,
 * and nothing is protected beyond the audit log's trigger.
 */
export function applicationRoleOf(
  databaseUrl: string,
  migrationDatabaseUrl: string,
): ApplicationRole | undefined {
  const name = userOf(databaseUrl);
  if (!name || name === userOf(migrationDatabaseUrl)) return undefined;
  const password = decodeURIComponent(new URL(databaseUrl).password);
  return { name, ...(password ? { password } : {}) };
}

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

/**
 * Creates the application's login role when it is missing (roles belong to the whole server, not to one
 * database). Another process creating it at the same moment is fine: PostgreSQL then reports duplicate_object,
 * or a unique_violation on pg_authid. An existing role is left as it is, its password included.
 */
export async function ensureApplicationRole(
  dataSource: DataSource,
  role: ApplicationRole,
): Promise<void> {
  const [existing] = await dataSource.query<unknown[]>(
    'SELECT 1 FROM pg_roles WHERE rolname = $1',
    [role.name],
  );
  if (existing) return;
  const [me] = await dataSource.query<{ name: string; may: boolean }[]>(
    'SELECT rolname AS name, rolsuper OR rolcreaterole AS may FROM pg_roles WHERE rolname = current_user',
  );
  if (!me.may) {
    throw new Error(
      `The application's database role "${role.name}" does not exist and "${me.name}" may not create it: create it (CREATE ROLE … LOGIN) or run setup as a role that may`,
    );
  }
  const [{ sql }] = await dataSource.query<{ sql: string }[]>(
    role.password === undefined
      ? `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', $1::text) AS sql`
      : `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text) AS sql`,
    role.password === undefined ? [role.name] : [role.name, role.password],
  );
  try {
    await dataSource.query(sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION) throw error;
  }
}

/**
 * Gives the application's role exactly APPLICATION_PRIVILEGES on this database's tables, taking away whatever
 * else it had, in one transaction; USAGE on the sequences lets it insert rows with generated ids.
 */
export async function grantApplicationPrivileges(
  em: EntityManager,
  roleName: string,
): Promise<void> {
  const tables = (
    await em.query<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).map((t) => t.name);
  const undecided = tables.filter((t) => !(t in APPLICATION_PRIVILEGES) && !OWNER_ONLY.includes(t));
  if (undecided.length > 0) {
    throw new Error(
      `No privileges are declared for table ${undecided.join(', ')}: add it to APPLICATION_PRIVILEGES (libs/database/src/application-role.ts)`,
    );
  }
  const [{ role }] = await em.query<{ role: string }[]>('SELECT quote_ident($1::text) AS role', [
    roleName,
  ]);
  await em.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
  await em.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
  for (const [table, privileges] of Object.entries(APPLICATION_PRIVILEGES)) {
    await em.query(`GRANT ${privileges.join(', ')} ON TABLE "${table}" TO ${role}`);
  }
  await em.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
}

/**
 * Applies the pending migrations as the owner, then grants the application's role its privileges (creating the
 * role first when missing): what `cli setup`, `cli migrate` and the test set-up do. Returns how many migrations
 * were applied.
 */
export async function migrate(dataSource: DataSource, role?: ApplicationRole): Promise<number> {
  if (role) await ensureApplicationRole(dataSource, role);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (role) await dataSource.transaction((em) => grantApplicationPrivileges(em, role.name));
  return applied.length;
}
