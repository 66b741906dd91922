import { DataSource } from 'typeorm';
import { insertStudents } from '../lib/students';
import { HOME_INSTITUTION, HOST_INSTITUTION, JourneyCast, castFor } from './journey-cast';

export interface RushOffering {
  id: string;
  code: string;
  capacity: number;
  waitingList: boolean;
}

export interface RushSetup {
  cast: JourneyCast;
  offerings: RushOffering[];
}

/**
 * The popular minors of the rush: `count` new offerings at the host, `places` places each; every
 * `waitingListEvery`-th keeps a waiting list. Their deadline is a year out, so the date of the run does not
 * matter. Plus `students` new students at the home institution, who all want one of them.
 */
export async function prepareRush(
  db: DataSource,
  { students, offerings, places, waitingListEvery }: RushDataOptions,
): Promise<RushSetup> {
  await insertStudents(db, students, HOME_INSTITUTION);
  const rows = await db.query<RushOffering[]>(
    `
    INSERT INTO offerings (institution_code, programme_code, code, title, description, credits, credit_unit,
                           period, language, capacity, waiting_list, enrolment_deadline, prerequisites)
    SELECT i.code, p.code, 'RUSH-' || lpad(g::text, 2, '0'), 'Popular minor ' || g,
           'A minor that many more students want than it has places for.', 15, i.credit_unit, '2026-2027 P3',
           'en', $3, g % $4 = 0, current_date + 365, '{}'
    FROM generate_series(1, $2::int) g
    JOIN institutions i ON i.code = $1
    JOIN LATERAL (SELECT code FROM programmes WHERE institution_code = i.code ORDER BY code LIMIT 1) p ON true
    RETURNING id, code, capacity, waiting_list AS "waitingList"`,
    [HOST_INSTITUTION, offerings, places, waitingListEvery],
  );
  return {
    cast: await castFor(
      db,
      rows.map((o) => o.id),
    ),
    offerings: rows,
  };
}

export interface RushDataOptions {
  students: number;
  offerings: number;
  places: number;
  waitingListEvery: number;
}
