import { DataSource } from 'typeorm';

/** Every generated student's id starts with this; the demo people never do. */
export const BENCH_STUDENT_PREFIX = 'bench-student-';

/**
 * Adds `count` students (bench-student-1 …) to the people table and to their institution's student register
 * (so that their sign-in finds them there) in one statement, spread round-robin over the seeded programmes:
 * all institutions' programmes, or those of `institutionCode` only.
 */
export async function insertStudents(
  db: DataSource,
  count: number,
  institutionCode?: string,
): Promise<void> {
  await db.query(
    `
    WITH programme AS (
      SELECT row_number() OVER (ORDER BY institution_code, code) - 1 AS k, institution_code, code
      FROM programmes WHERE $2::text IS NULL OR institution_code = $2),
    student AS (
      SELECT $3::text || g AS id, p.institution_code, g, p.code
      FROM generate_series(1, $1::int) g
      JOIN programme p ON p.k = g % (SELECT count(*) FROM programme)),
    registered AS (
      INSERT INTO student_register (institution_code, subject, student_number, programme_codes)
      SELECT institution_code, id, g::text, ARRAY[code] FROM student)
    INSERT INTO people (id, institution_code, role, name, email, student_number, programme_codes)
    SELECT id, institution_code, 'student', 'Student ' || g, 'student' || g || '@bench.invalid', g::text,
           ARRAY[code]
    FROM student`,
    [count, institutionCode ?? null, BENCH_STUDENT_PREFIX],
  );
}
