import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditedFieldChange, ComponentEntity, OfferingEntity, violatesUnique } from '@lr/database';
import { Actor, ConflictError, NotFoundError } from '@lr/domain';
import {
  InstitutionRegistry,
  OfferingDraft,
  newOfferingRow,
  refuseInvalidOffering,
} from '@lr/institutions';
import { writeOutbox } from '@lr/queue';
import { recordOfferingAudit } from './audit-trail';
import { RequestStore } from './request-store';
import { TimerPlanner } from './timers';

/** The unique index that gives each offering code at an institution to one offering (OfferingEntity). */
const CODE_INDEX = 'uq_offerings_institution_code';

/** What an institution may change of an offering it keeps: not its code, programme, credits or period. */
export interface OfferingChanges {
  title?: string;
  description?: string;
  capacity?: number;
  enrolmentDeadline?: string;
}

/** How a write is made: on the version the writer saw, and why (a synchronisation names its run). */
export interface OfferingWrite {
  expectedVersion?: number;
  motivation?: string;
}

/** The fields an audit entry of a new offering lists: what it was created with. */
const CREATED_FIELDS = [
  'code',
  'programmeCode',
  'title',
  'description',
  'credits',
  'period',
  'language',
  'capacity',
  'waitingList',
  'enrolmentDeadline',
  'externalId',
] as const satisfies readonly (keyof OfferingEntity)[];

/** The states in which a component waits for the host before the enrolment deadline (TimerPlanner). */
const WAITING_FOR_HOST = ['awaiting_admission', 'waitlisted'] as const;

/**
 * The one place that writes offerings: an institution's admins through the API, and the synchronisation from an
 * institution's own system (CatalogueSync). The demo seed only adds the demo catalogue where it is missing, with
 * the same rows (newOfferingRow). Every change raises the version and is audited with who made it and what it
 * changed, in its own transaction; a change made on an older version than the offering has is refused, not
 * silently applied over another.
 */
@Injectable()
export class OfferingWriter {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly timers: TimerPlanner,
  ) {}

  /**
   * A new, open offering of the institution; with the id its own system has for it, where that system keeps
   * it. 400 for a programme it lacks or a period; 409 for a code it has.
   */
  async create(
    actor: Actor,
    institutionCode: string,
    draft: OfferingDraft,
    { externalId = null, motivation }: { externalId?: string | null; motivation?: string } = {},
  ): Promise<OfferingEntity> {
    const institution = this.registry.get(institutionCode);
    refuseInvalidOffering(institution, draft);
    try {
      return await this.store.dataSource.transaction(async (em) => {
        const offering = await em.save(
          Object.assign(newOfferingRow(institution, draft), { externalId }),
        );
        await recordOfferingAudit(em, {
          actor,
          action: 'create',
          offering,
          changes: CREATED_FIELDS.map((field) => ({
            field,
            from: null,
            to: textOf(offering[field]),
          })),
          motivation,
          at: this.store.now(),
        });
        return offering;
      });
    } catch (error) {
      if (violatesUnique(error, CODE_INDEX)) {
        throw new ConflictError(
          'OFFERING.CODE_TAKEN',
          `${institution.name} already has an offering ${draft.code}; closed ones keep their code.`,
          { field: 'code' },
        );
      }
      throw error;
    }
  }

  /**
   * Changes the offering. Capacity may not go below the places already taken (409): the students admitted keep
   * them. A new enrolment deadline moves the deadline timers of the components waiting for the host, so they
   * expire when the deadline now says.
   */
  async change(
    actor: Actor,
    id: string,
    changes: OfferingChanges,
    { expectedVersion, motivation }: OfferingWrite = {},
  ): Promise<OfferingEntity> {
    return this.store.dataSource.transaction(async (em) => {
      const offering = await this.locked(em, id, expectedVersion);
      if (changes.capacity !== undefined && changes.capacity < offering.enrolledCount) {
        throw new ConflictError(
          'OFFERING.CAPACITY_BELOW_TAKEN',
          `${offering.title} has ${offering.enrolledCount} places taken: its capacity cannot be less.`,
          { field: 'capacity', placesTaken: offering.enrolledCount },
        );
      }
      const deadlineMoves =
        changes.enrolmentDeadline !== undefined &&
        changes.enrolmentDeadline !== offering.enrolmentDeadline;
      // Only what is given: a field left out (or undefined, as a DTO's undeclared fields are) stays as it is.
      const given = (Object.keys(changes) as (keyof OfferingChanges)[]).filter(
        (field) => changes[field] !== undefined,
      );
      const changed: AuditedFieldChange[] = given
        .filter((field) => changes[field] !== offering[field])
        .map((field) => ({
          field,
          from: textOf(offering[field]),
          to: textOf(changes[field]),
        }));
      const saved = await this.saved(
        em,
        Object.assign(offering, Object.fromEntries(given.map((f) => [f, changes[f]]))),
      );
      await this.audit(em, actor, 'change', saved, motivation, changed);
      if (deadlineMoves) await this.rescheduleDeadlineTimers(em, saved);
      return saved;
    });
  }

  /**
   * Takes the offering out of the catalogue: nobody can request it any more. The requests made for it go on as
   * before (drafts included): the exam board decides, the host admits or refuses within capacity and deadline.
   */
  async close(
    actor: Actor,
    id: string,
    { expectedVersion, motivation }: OfferingWrite = {},
  ): Promise<OfferingEntity> {
    return this.store.dataSource.transaction(async (em) => {
      const offering = await this.locked(em, id, expectedVersion);
      if (offering.closedAt) {
        throw new ConflictError('OFFERING.ALREADY_CLOSED', `${offering.title} is closed already.`);
      }
      offering.closedAt = this.store.now();
      const saved = await this.saved(em, offering);
      await this.audit(em, actor, 'close', saved, motivation);
      return saved;
    });
  }

  /** Puts a closed offering back in the catalogue. */
  async reopen(
    actor: Actor,
    id: string,
    { expectedVersion, motivation }: OfferingWrite = {},
  ): Promise<OfferingEntity> {
    return this.store.dataSource.transaction(async (em) => {
      const offering = await this.locked(em, id, expectedVersion);
      if (!offering.closedAt) {
        throw new ConflictError('OFFERING.NOT_CLOSED', `${offering.title} is open.`);
      }
      offering.closedAt = null;
      const saved = await this.saved(em, offering);
      await this.audit(em, actor, 'reopen', saved, motivation);
      return saved;
    });
  }

  /**
   * The offering, locked for the rest of the transaction: an admission that takes a place waits until the
   * change is saved, so a capacity checked here still holds when it commits.
   */
  private async locked(
    em: EntityManager,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<OfferingEntity> {
    const offering = await em.findOne(OfferingEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!offering) throw new NotFoundError('offering', id);
    if (expectedVersion !== undefined && expectedVersion !== offering.version) {
      throw new ConflictError(
        'OFFERING.STALE_VERSION',
        `${offering.title} changed meanwhile (expected version ${expectedVersion}, now ${offering.version}).`,
        { expectedVersion, version: offering.version },
      );
    }
    return offering;
  }

  private saved(em: EntityManager, offering: OfferingEntity): Promise<OfferingEntity> {
    offering.version += 1;
    return em.save(offering);
  }

  private audit(
    em: EntityManager,
    actor: Actor,
    action: 'change' | 'close' | 'reopen',
    offering: OfferingEntity,
    motivation: string | undefined,
    changes?: AuditedFieldChange[],
  ): Promise<void> {
    return recordOfferingAudit(em, {
      actor,
      action,
      offering,
      changes,
      motivation,
      at: this.store.now(),
    });
  }

  /** Moves each waiting component's enrolment-deadline timer to the offering's new deadline. */
  private async rescheduleDeadlineTimers(em: EntityManager, offering: OfferingEntity) {
    const waiting = await em.findBy(ComponentEntity, {
      offeringId: offering.id,
      state: In([...WAITING_FOR_HOST]),
    });
    const timers = (
      await Promise.all(waiting.map((component) => this.timers.timersFor(em, component)))
    ).flat();
    await writeOutbox(
      em,
      timers.map((t) => ({
        queueName: t.queue,
        name: t.name,
        data: t.data,
        operation: 'reschedule' as const,
        runAt: t.runAt,
      })),
      this.store.now(),
    );
  }
}

/** A field's value as the audit log keeps it: text, or null where there is none. */
function textOf(value: string | number | boolean | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
