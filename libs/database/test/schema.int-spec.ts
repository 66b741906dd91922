import { DataSource } from 'typeorm';
import { APPLICATION_PRIVILEGES, dataSourceOptions } from '@lr/database';
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
