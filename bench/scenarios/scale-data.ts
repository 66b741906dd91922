import { DataSource } from 'typeorm';
import { BENCH_STUDENT_PREFIX, insertStudents } from '../lib/students';

/**
 * Historical data for the scale scenario, generated in SQL: `students` students spread over the demo
 * programmes, `offerings` extra units in the catalogue, and `requests` requests of one component each, most of
 * them closed long ago and a few percent waiting in each inbox, as a year of use would leave them.
 */
export async function generateHistory(
  db: DataSource,
  { requests, students, offerings }: { requests: number; students: number; offerings: number },
): Promise<void> {
  await insertStudents(db, students);
  await db.query(
    `
    INSERT INTO offerings (institution_code, programme_code, code, title, description, credits, credit_unit, period,
                           language, capacity, enrolled_count, enrolment_deadline, prerequisites)
    SELECT p.institution_code, p.code, 'BENCH-' || g,
           (ARRAY['Applied', 'Advanced', 'Introduction to', 'Sustainable', 'Digital'])[1 + g % 5] || ' ' ||
           (ARRAY['Statistics', 'Horticulture', 'Energy Systems', 'Pedagogy', 'Nutrition', 'Robotics'])[1 + g % 6] ||
           ' ' || g,
           'A unit generated for the scale benchmark.', CASE WHEN i.credit_unit = 'EC' THEN 5 ELSE 240 END,
           i.credit_unit, '2026-2027 P' || (1 + g % 4), (ARRAY['nl', 'en'])[1 + g % 2], 1000000, 0, '2027-06-30', '{}'
    FROM generate_series(1, $1::int) g
    JOIN (SELECT row_number() OVER (ORDER BY institution_code, code) - 1 AS k, institution_code, code FROM programmes) p
      ON p.k = g % (SELECT count(*) FROM programmes)
    JOIN institutions i ON i.code = p.institution_code`,
    [offerings],
  );
  await db.query(`CREATE TEMP TABLE bench_students AS
    SELECT row_number() OVER (ORDER BY id) AS k, id, institution_code, programme_codes[1] AS programme
    FROM people WHERE id LIKE '${BENCH_STUDENT_PREFIX}%'`);
  await db.query(`CREATE TEMP TABLE bench_offerings AS
    SELECT row_number() OVER (ORDER BY o.id) AS k, o.id, o.institution_code, i.sector
    FROM offerings o JOIN institutions i ON i.code = o.institution_code`);
  await db.query('CREATE INDEX ON bench_students (k); CREATE INDEX ON bench_offerings (k)');
  const studentCount = students;
  const offeringCount = (
    await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM bench_offerings')
  )[0].n;
  // Per hundred: 2 wait for the exam board, 1 for admission, 2 are enrolled, 1 waits for recognition,
  // 1 for registration; the rest are closed.
  const state = `CASE WHEN g % 100 < 2 THEN 'awaiting_approval' WHEN g % 100 < 3 THEN 'awaiting_admission'
      WHEN g % 100 < 5 THEN 'enrolled' WHEN g % 100 < 6 THEN 'awaiting_recognition'
      WHEN g % 100 < 7 THEN 'recognised' WHEN g % 100 < 80 THEN 'registered'
      WHEN g % 100 < 90 THEN 'rejected_by_exam_board' ELSE 'withdrawn' END`;
  const id = (prefix: string) => `('${prefix}' || lpad(to_hex(g), 12, '0'))::uuid`;
  await db.query(
    `
    INSERT INTO requests (id, student_id, home_institution_code, home_programme_code, motivation, status, version,
                          created_at, submitted_at, updated_at)
    SELECT ${id('00000000-0000-4000-8000-')}, s.id, s.institution_code, s.programme, 'Generated', 
           CASE WHEN g % 100 < 7 THEN 'in_progress' WHEN g % 100 < 90 THEN 'completed' ELSE 'withdrawn' END,
           5, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() - (g || ' seconds')::interval
    FROM generate_series(1, $1::int) g JOIN bench_students s ON s.k = g % $2 + 1`,
    [requests, studentCount],
  );
  await db.query(
    `
    INSERT INTO components (id, request_id, position, offering_id, home_institution_code, home_programme_code,
                            student_id, host_institution_code, route, counts_as, motivation, state, version, approval_reference,
                            decision_due_at, updated_at)
    SELECT ${id('00000000-0000-4000-9000-')}, ${id('00000000-0000-4000-8000-')}, 0, o.id, s.institution_code,
           s.programme, s.id, o.institution_code,
           CASE WHEN o.institution_code = s.institution_code THEN 4
                WHEN o.sector = (SELECT sector FROM institutions WHERE code = s.institution_code) THEN 5 ELSE 6 END,
           'elective-space', 'Generated', ${state}, 5, 'bench/' || g,
           now() + ((g % 50) || ' days')::interval, now() - (g || ' seconds')::interval
    FROM generate_series(1, $1::int) g
    JOIN bench_students s ON s.k = g % $2 + 1
    JOIN bench_offerings o ON o.k = (g::bigint * 7919) % $3 + 1`,
    [requests, studentCount, offeringCount],
  );
  // As a database that has been running a while: statistics current, and the visibility map set, so that
  // autovacuum does not start on the new rows while the queries are timed.
  await db.query('VACUUM (ANALYZE)');
}
