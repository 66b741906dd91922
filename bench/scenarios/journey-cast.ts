import { DataSource, In } from 'typeorm';
import { PersonEntity } from '@lr/database';
import type { Actor } from '@lr/domain';
import type { InboxItem } from '@lr/workflow';
import { actorOf } from '../lib/bearer-tokens';
import { BENCH_STUDENT_PREFIX, insertStudents } from '../lib/students';

/** Route 5 in the demo data: students of one research university (all its programmes) study at another. */
export const HOME_INSTITUTION = 'uni-waal';
export const HOST_INSTITUTION = 'uni-ijssel';
/** The host's data-science units; its research seminar is left out, having a single place by design. */
const JOURNEY_OFFERINGS = ['DS-ML', 'DS-VIS'];

/** Everyone who takes part in the journeys, as the API will see them. */
export interface JourneyCast {
  /** The generated students of the home institution. */
  students: Actor[];
  offeringIds: string[];
  /** Per home programme, the one exam-board member who decides: two members deciding alike would conflict. */
  boardMemberFor: ReadonlyMap<string, Actor>;
  hostAdmissions: Actor;
  hostRegistrar: Actor;
  homeRegistrar: Actor;
}

/** Everyone in the cast, once: the people the run needs tokens for. */
export function everyoneIn(cast: JourneyCast): Actor[] {
  return [
    ...cast.students,
    ...new Set(cast.boardMemberFor.values()),
    cast.hostAdmissions,
    cast.hostRegistrar,
    cast.homeRegistrar,
  ];
}

/**
 * Prepares a seeded bench database for `students` journeys: one new student per journey, and the host's units
 * opened wide (room for everyone, a deadline a year out), so that every journey can complete whatever the date
 * and the run's size.
 */
export async function prepareJourneyCast(db: DataSource, students: number): Promise<JourneyCast> {
  await insertStudents(db, students, HOME_INSTITUTION);
  const [offerings] = await db.query<[{ id: string }[], number]>(
    `UPDATE offerings SET capacity = 1000000, enrolment_deadline = current_date + 365
     WHERE institution_code = $1 AND code = ANY($2) RETURNING id`,
    [HOST_INSTITUTION, JOURNEY_OFFERINGS],
  );
  if (offerings.length !== JOURNEY_OFFERINGS.length) {
    throw new Error(
      `The demo data no longer has ${JOURNEY_OFFERINGS.join(' and ')} at ${HOST_INSTITUTION}`,
    );
  }
  return castFor(
    db,
    offerings.map((o) => o.id),
  );
}

/**
 * Who acts, from the people table: the generated students of the home institution (insertStudents), one
 * deciding exam-board member per home programme, and the first host admissions officer, host registrar and
 * home registrar. `offeringIds` are the host's offerings the students ask for.
 */
export async function castFor(db: DataSource, offeringIds: string[]): Promise<JourneyCast> {
  const people = (
    await db.manager.find(PersonEntity, {
      where: { institutionCode: In([HOME_INSTITUTION, HOST_INSTITUTION]) },
      order: { id: 'ASC' },
    })
  ).map(actorOf);
  const first = (role: Actor['role'], institution: string) => {
    const person = people.find((p) => p.role === role && p.institutionCode === institution);
    if (!person) throw new Error(`The demo data has no ${role} at ${institution}`);
    return person;
  };
  const students = people.filter((p) => p.id.startsWith(BENCH_STUDENT_PREFIX));
  const boardMembers = people.filter(
    (p) => p.role === 'exam-board' && p.institutionCode === HOME_INSTITUTION,
  );
  const boardMemberFor = new Map<string, Actor>();
  for (const programme of new Set(students.flatMap((s) => s.programmeCodes))) {
    const member = boardMembers.find((m) => m.programmeCodes.includes(programme));
    if (!member) throw new Error(`No exam-board member decides for ${programme}`);
    boardMemberFor.set(programme, member);
  }
  return {
    students,
    offeringIds,
    boardMemberFor,
    hostAdmissions: first('host-admissions', HOST_INSTITUTION),
    hostRegistrar: first('registrar', HOST_INSTITUTION),
    homeRegistrar: first('registrar', HOME_INSTITUTION),
  };
}

/**
 * Whether this exam-board member is the one who decides on an item of their inbox: a member's inbox holds all
 * programmes of their board, and two members deciding alike would conflict.
 */
export function decidesOn(cast: JourneyCast, member: Actor, item: InboxItem): boolean {
  return cast.boardMemberFor.get(item.homeProgrammeCode ?? '')?.id === member.id;
}
