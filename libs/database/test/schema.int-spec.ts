import { DataSource } from 'typeorm';
import { APPLICATION_PRIVILEGES, dataSourceOptions } from '@lr/database';
import { COMPONENT_STATES, ENDED_STATES } from '@lr/domain';
import { TEST_APP_ROLE, TestDatabase, createTestDatabase } from '@lr/testing';

describe('the database schema', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('matches the entities exactly: the migrations leave nothing for a generator to add', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no pending migrations', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('refuses an offering over its capacity, an unknown status and credits for no component', async () => {
    await expect(
      dataSource.query(`UPDATE offerings SET enrolled_count = capacity + 1 WHERE code = 'DS-SEM'`),
    ).rejects.toThrow(/ck_offerings_capacity/);
    await expect(
      dataSource.query(`INSERT INTO requests (student_id, home_institution_code, home_programme_code, motivation,
        status, created_at, updated_at) VALUES ('macca', 'uni-waal', 'msc-food', 'm', 'lost', now(), now())`),
    ).rejects.toThrow(/ck_requests_status/);
    await expect(
      dataSource.query(`INSERT INTO credit_entries (student_id, institution_code, component_id, request_id, unit_title,
        host_institution_code, credits, credit_unit, original_grade, decision_reference, registered_by, registered_at)
        VALUES ('macca', 'uni-waal', gen_random_uuid(), gen_random_uuid(), 't', 'h', 5, 'EC', '8', 'ref', 'r', now())`),
    ).rejects.toThrow(/foreign key/);
  });

  it('holds a student to one live component per offering over exactly the states the domain calls live', async () => {
    const [{ definition }] = await dataSource.query<{ definition: string }[]>(
      `SELECT indexdef AS definition FROM pg_indexes WHERE indexname = 'uq_components_live_offering'`,
    );
    const excluded = COMPONENT_STATES.filter((s) => definition.includes(`'${s}'`));
    expect(excluded.sort()).toEqual([...ENDED_STATES].sort());
    expect(definition).toMatch(
      /UNIQUE INDEX .* \(home_institution_code, student_id, offering_id\) WHERE/,
    );
  });

  it('refuses a proof of paid tuition that is unknown yet has a reference, a statement without its date, an unknown status and a proof for no component', async () => {
    const insert = (status: string, reference: string | null, issuedOn: string | null) =>
      dataSource.query(
        `INSERT INTO tuition_proofs (component_id, academic_year, status, reference, issued_by, issued_on)
         VALUES (gen_random_uuid(), '2026-2027', $1, $2, 'uni-waal', $3)`,
        [status, reference, issuedOn],
      );
    await expect(insert('unknown', 'BBC-1', null)).rejects.toThrow(/ck_tuition_proofs_statement/);
    await expect(insert('paid', 'BBC-1', null)).rejects.toThrow(/ck_tuition_proofs_statement/);
    await expect(insert('waived', 'BBC-1', '2026-09-01')).rejects.toThrow(
      /ck_tuition_proofs_status/,
    );
    await expect(insert('paid', 'BBC-1', '2026-09-01')).rejects.toThrow(/foreign key/);
  });

  it('refuses an e-mail marked failed without when and why, or with them while it is still to send', async () => {
    const insert = (status: string, failedAt: string | null, reason: string | null) =>
      dataSource.query(
        `INSERT INTO notifications (recipient_id, recipient_institution_code, request_id, component_id, kind, message,
           dedupe_key, created_at, email_status, email_failed_at, email_failed_reason)
         VALUES ('macca', 'uni-waal', gen_random_uuid(), gen_random_uuid(), 'submit', 'm', gen_random_uuid()::text, now(), $1,
           $2, $3)`,
        [status, failedAt, reason],
      );
    await expect(insert('failed', null, null)).rejects.toThrow(/ck_notifications_email_failed/);
    await expect(insert('failed', '2026-12-01T09:00:00Z', null)).rejects.toThrow(
      /ck_notifications_email_failed/,
    );
    await expect(insert('pending', '2026-12-01T09:00:00Z', '550')).rejects.toThrow(
      /ck_notifications_email_failed/,
    );
    await expect(insert('bounced', null, null)).rejects.toThrow(/ck_notifications_email_status/);
    await insert('failed', '2026-12-01T09:00:00Z', '550 No such user');
  });

  it("grants the application's role exactly the declared privileges, on every table but the migrations'", async () => {
    const granted = await dataSource.query<{ table: string; privileges: string[] }[]>(
      `SELECT t.tablename AS table,
         array_remove(ARRAY[
           CASE WHEN has_table_privilege($1, t.tablename, 'SELECT') THEN 'SELECT' END,
           CASE WHEN has_table_privilege($1, t.tablename, 'INSERT') THEN 'INSERT' END,
           CASE WHEN has_table_privilege($1, t.tablename, 'UPDATE') THEN 'UPDATE' END,
           CASE WHEN has_table_privilege($1, t.tablename, 'DELETE') THEN 'DELETE' END,
           CASE WHEN has_table_privilege($1, t.tablename, 'TRUNCATE') THEN 'TRUNCATE' END,
           CASE WHEN has_table_privilege($1, t.tablename, 'TRIGGER') THEN 'TRIGGER' END,
           CASE WHEN has_table_privilege($1, t.tablename, 'REFERENCES') THEN 'REFERENCES' END
         ], NULL) AS privileges
       FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY t.tablename`,
      [TEST_APP_ROLE.name],
    );
    expect(Object.fromEntries(granted.map((g) => [g.table, g.privileges]))).toEqual({
      ...APPLICATION_PRIVILEGES,
      migrations: [],
    });
    expect(APPLICATION_PRIVILEGES.audit_log).toEqual(['SELECT', 'INSERT']);
  });
});
