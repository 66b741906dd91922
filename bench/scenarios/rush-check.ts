import { DataSource } from 'typeorm';

export interface RushOutcome {
  enrolled: number;
  waitlisted: number;
  refused: number;
  /** Offerings with more students enrolled than places, or a place count that disagrees with the enrolments. */
  overCapacity: string[];
  /**
   * Students not admitted who were not told why: no notice of the waiting list or the refusal, a refusal that
   * does not say the offering is full, or a waiting list on an offering that keeps none (or the reverse).
   */
  notToldWhy: number;
}

/** What the database says after the rush: nothing over-booked, and everyone not admitted told why. */
export async function checkRushOutcome(db: DataSource): Promise<RushOutcome> {
  const perOffering = await db.query<
    {
      code: string;
      capacity: number;
      taken: number;
      enrolled: number;
      waitlisted: number;
      refused: number;
    }[]
  >(
    `SELECT o.code, o.capacity, o.enrolled_count AS taken,
            count(*) FILTER (WHERE c.state = 'enrolled')::int AS enrolled,
            count(*) FILTER (WHERE c.state = 'waitlisted')::int AS waitlisted,
            count(*) FILTER (WHERE c.state = 'rejected_by_host')::int AS refused
     FROM offerings o JOIN components c ON c.offering_id = o.id
     WHERE o.code LIKE 'RUSH-%'
     GROUP BY o.id ORDER BY o.code`,
  );
  const [{ untold }] = await db.query<{ untold: number }[]>(
    `SELECT count(*)::int AS untold
     FROM components c
     JOIN offerings o ON o.id = c.offering_id
     JOIN requests r ON r.id = c.request_id
     WHERE o.code LIKE 'RUSH-%' AND c.state IN ('waitlisted', 'rejected_by_host')
       AND (
         (c.state = 'waitlisted') <> o.waiting_list
         OR NOT EXISTS (
           SELECT 1 FROM notifications n
           WHERE n.component_id = c.id AND n.recipient_id = r.student_id
             AND n.kind = CASE c.state WHEN 'waitlisted' THEN 'waitlist' ELSE 'refuse_admission' END)
         OR NOT EXISTS (
           SELECT 1 FROM transitions t
           WHERE t.component_id = c.id AND t.to_state = c.state AND t.motivation ILIKE '%full%'))`,
  );
  const sum = (key: 'enrolled' | 'waitlisted' | 'refused') =>
    perOffering.reduce((total, o) => total + o[key], 0);
  return {
    enrolled: sum('enrolled'),
    waitlisted: sum('waitlisted'),
    refused: sum('refused'),
    overCapacity: perOffering
      .filter((o) => o.enrolled > o.capacity || o.taken !== o.enrolled)
      .map((o) => `${o.code}: ${o.enrolled} enrolled, ${o.taken} places taken of ${o.capacity}`),
    notToldWhy: untold,
  };
}
