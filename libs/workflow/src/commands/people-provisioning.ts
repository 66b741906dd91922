import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { Actor, UnknownToHomeInstitutionError, withTimeout } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { RequestStore } from '../writer/request-store';

/** A home institution's system that did not answer while a student signed in: not the student's fault. */
export class HomeSystemUnavailableError extends Error {}

/** What sign-in says of a person: the actor of a valid token, and their e-mail address. */
export interface SignedIn {
  actor: Actor;
  email: string;
  /** When the token expires, in seconds since the epoch. */
  expiresAt: number;
}

/** How many people's sign-ins one process remembers; beyond it the least recently seen are asked again. */
const REMEMBERED = 10_000;

/**
 * Records people from their sign-in: the first valid token of a person creates their row (institution and
 * subject), a later one with other claims updates name, e-mail, role and programmes. Roles and exam-board
 * programmes come from the token alone, so authorization and notifications read one source. A student's
 * programmes and student number come from their home institution's student information system; a student it
 * does not know is refused here, before anything is asked of them.
 *
 * The API is CPU-bound, so this is not a write per call: what a sign-in said is remembered by a hash of its
 * claims until the token expires, and only a sign-in that says something new asks the home system and writes
 * the row, and then only when the row differs. So a change to a signed-in student's record (an admin correcting
 * the student register, which updates their row at once) reaches the actor the API makes of them, in every API
 * process alike, once the token that sign-in was remembered with has expired.
 */
@Injectable()
export class PeopleProvisioning {
  private readonly remembered = new LRUCache<string, Promise<Actor>>({ max: REMEMBERED });

  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The actor to act as: for a student, with the programmes their home institution's records hold. */
  signedIn(signIn: SignedIn): Promise<Actor> {
    const key = fingerprint(signIn);
    const known = this.remembered.get(key);
    if (known) return known;
    const actor = this.record(signIn);
    const ttl = signIn.expiresAt * 1000 - Date.now();
    if (ttl > 0) this.remembered.set(key, actor, { ttl });
    // A refusal is not remembered: the home institution may enrol the student a minute later.
    actor.catch(() => {
      if (this.remembered.peek(key) === actor) this.remembered.delete(key);
    });
    return actor;
  }

  private async record({ actor, email }: SignedIn): Promise<Actor> {
    let programmeCodes = actor.programmeCodes;
    let studentNumber: string | null = null;
    if (actor.role === 'student') {
      const home = this.registry.get(actor.institutionCode);
      const record = await withTimeout(
        this.registry.studentInformationSystem(home.code).studentRecord(actor.id),
        this.config.hostSystemTimeoutMs,
        `The student information system of ${home.code}`,
      ).catch((error: unknown) => {
        throw new HomeSystemUnavailableError(
          `The student information system of ${home.code} did not answer: ${String(error)}`,
        );
      });
      if (!record) throw new UnknownToHomeInstitutionError(home.name);
      ({ programmeCodes, studentNumber } = record);
    }
    // One statement; the row is written only when it differs from what sign-in says now.
    await this.store.dataSource.query(
      `INSERT INTO people (institution_code, id, role, name, email, student_number, programme_codes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (institution_code, id) DO UPDATE SET role = EXCLUDED.role, name = EXCLUDED.name,
         email = EXCLUDED.email, student_number = EXCLUDED.student_number,
         programme_codes = EXCLUDED.programme_codes
       WHERE (people.role, people.name, people.email, people.student_number, people.programme_codes)
         IS DISTINCT FROM (EXCLUDED.role, EXCLUDED.name, EXCLUDED.email, EXCLUDED.student_number,
           EXCLUDED.programme_codes)`,
      [
        actor.institutionCode,
        actor.id,
        actor.role,
        actor.name,
        email,
        studentNumber,
        programmeCodes,
      ],
    );
    return { ...actor, programmeCodes };
  }
}

/** What a sign-in says of a person, as a short key (no personal data kept in plain text in memory). */
function fingerprint({ actor, email }: SignedIn): string {
  const { institutionCode, id, role, name, programmeCodes } = actor;
  return createHash('sha256')
    .update(JSON.stringify([institutionCode, id, role, name, email, programmeCodes]))
    .digest('base64url');
}
