import { randomUUID } from 'crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AssociationEntity,
  CallbackEntity,
  OfferingEntity,
  ResultEntity,
} from '../database/entities';
import { HostError } from '../host.errors';
import {
  AdmissionAction,
  AssociationState,
  HOLDS_A_PLACE,
  MAY_HAVE_RESULT,
  nextState,
} from './association-states';

export interface NewAssociation {
  offeringId: string;
  /** The person as the caller sent them (OOAPI Person). */
  person: Record<string, unknown>;
  /** The caller's organisation (OOAPI Organization), if it sent one. */
  issuer: Record<string, unknown> | undefined;
  remoteState: AssociationState;
  /** The client the caller authenticated as. */
  clientId: string;
  /** Where the caller wants to hear of changes. */
  callbackBase: string;
}

export interface NewResult {
  score: number;
  pass: boolean;
  /** YYYY-MM-DD */
  resultDate: string;
  final: boolean;
}

/** The states in which a repeated request of the same person for the same offering is the same request. */
const LIVE: AssociationState[] = ['pending', 'associated', 'queued'];

/**
 * What the admissions office and the registrar of the demo institution do with associations, and what a caller
 * may do to them. Every change that the caller should hear of writes its callback (outbox) row in the same
 * transaction; changes the caller made itself (creation, withdrawal) are answered directly instead.
 */
export class AdmissionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new association, pending, or queued when the offering's places are taken. A repeated request (the same
   * person, the same offering, the same caller, still live) gets the association it made before: a caller that
   * lost the answer may safely ask again.
   */
  async create(input: NewAssociation): Promise<AssociationEntity> {
    const personKey = personKeyOf(input.person, input.issuer);
    return this.dataSource.transaction(async (em) => {
      // Serialises requests for one offering, so that two cannot take its last place.
      const offering = await em.findOne(OfferingEntity, {
        where: { id: input.offeringId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!offering) {
        throw new HostError(
          'OFFERING.UNKNOWN',
          `There is no offering ${input.offeringId} at this institution.`,
        );
      }
      const earlier = await em.findOne(AssociationEntity, {
        where: {
          offeringId: offering.id,
          personKey,
          createdBy: input.clientId,
          state: In(LIVE),
        },
      });
      if (earlier) return earlier;
      const taken = await em.count(AssociationEntity, {
        where: { offeringId: offering.id, state: In([...HOLDS_A_PLACE]) },
      });
      const association = em.create(AssociationEntity, {
        id: randomUUID(),
        offeringId: offering.id,
        person: input.person,
        issuer: input.issuer ?? null,
        personKey,
        state: taken >= offering.places ? 'queued' : 'pending',
        remoteState: input.remoteState,
        reason: null,
        createdBy: input.clientId,
        changedBy: null,
        changedAt: null,
        callbackBase: input.callbackBase,
      });
      return em.save(association);
    });
  }

  /**
   * What the caller says it now believes (OOAPI remoteState). 'canceled' withdraws the association where the
   * state table allows it; a refusal or a withdrawal stays what it is. Only the caller that made it may.
   */
  async applyRemoteState(
    id: string,
    clientId: string,
    remoteState: AssociationState,
  ): Promise<AssociationEntity> {
    return this.dataSource.transaction(async (em) => {
      const association = await this.lockAssociation(em, id);
      if (association.createdBy !== clientId) throw notFound(id);
      association.remoteState = remoteState;
      const next = remoteState === 'canceled' ? nextState(association.state, 'cancel') : undefined;
      if (next) {
        association.state = next;
        association.changedBy = clientId;
        association.changedAt = new Date();
      }
      return em.save(association);
    });
  }

  /** A decision of the admissions office (admit, deny with a reason, queue, cancel); the caller is told. */
  async decide(
    id: string,
    action: AdmissionAction,
    by: string,
    reason?: string,
  ): Promise<AssociationEntity> {
    const why = reason?.trim() || null;
    if (action === 'deny' && !why) {
      throw new HostError('INVALID', 'A refusal needs a reason for the student.');
    }
    return this.dataSource.transaction(async (em) => {
      const association = await this.lockAssociation(em, id);
      const next = nextState(association.state, action);
      if (!next) {
        throw new HostError(
          'ASSOCIATION.ILLEGAL_TRANSITION',
          `An association that is ${association.state} cannot be given '${action}'.`,
        );
      }
      if (next === 'associated') await this.assertPlaceFor(em, association);
      association.state = next;
      association.reason = why;
      association.changedBy = by;
      association.changedAt = new Date();
      const saved = await em.save(association);
      await em.insert(CallbackEntity, { associationId: id });
      return saved;
    });
  }

  /**
   * The registrar records a result for an enrolled student. A second one is a correction: a new row naming the
   * one it corrects, so the history stays. The caller is told.
   */
  async recordResult(id: string, result: NewResult, by: string): Promise<ResultEntity> {
    assertValidResult(result);
    return this.dataSource.transaction(async (em) => {
      const association = await this.lockAssociation(em, id);
      if (!MAY_HAVE_RESULT.includes(association.state)) {
        throw new HostError(
          'ASSOCIATION.ILLEGAL_TRANSITION',
          `A result is recorded for an enrolled student only; this association is ${association.state}.`,
        );
      }
      const current = await currentResult(em, id);
      const row = em.create(ResultEntity, {
        id: randomUUID(),
        associationId: id,
        ...result,
        correctsId: current?.id ?? null,
        recordedBy: by,
        recordedAt: new Date(),
      });
      await em.save(row);
      await em.insert(CallbackEntity, { associationId: id });
      return row;
    });
  }

  async find(id: string): Promise<AssociationEntity> {
    const association = await this.dataSource.manager.findOne(AssociationEntity, {
      where: { id },
      relations: { offering: { course: true } },
    });
    if (!association) throw notFound(id);
    return association;
  }

  /** The newest associations first, with their offering and course (the staff screen's list). */
  list(limit = 200): Promise<AssociationEntity[]> {
    return this.dataSource.manager.find(AssociationEntity, {
      relations: { offering: { course: true } },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  /** The result in force: the newest recorded. */
  currentResult(id: string): Promise<ResultEntity | null> {
    return currentResult(this.dataSource.manager, id);
  }

  /** Every result recorded, newest first: the one in force and the ones it corrected. */
  results(id: string): Promise<ResultEntity[]> {
    return this.dataSource.manager.find(ResultEntity, {
      where: { associationId: id },
      order: { recordedAt: 'DESC' },
    });
  }

  /** Whether the caller still has to hear of a change, and whether telling it has been given up. */
  async callbackStatus(id: string): Promise<'delivered' | 'waiting' | 'abandoned' | 'none'> {
    const rows = await this.dataSource.manager.find(CallbackEntity, {
      where: { associationId: id },
      order: { id: 'DESC' },
      take: 1,
    });
    if (rows.length === 0) return 'none';
    if (rows[0].deliveredAt) return 'delivered';
    return rows[0].abandonedAt ? 'abandoned' : 'waiting';
  }

  private async lockAssociation(em: EntityManager, id: string): Promise<AssociationEntity> {
    const association = await em.findOne(AssociationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!association) throw notFound(id);
    return association;
  }

  private async assertPlaceFor(em: EntityManager, association: AssociationEntity): Promise<void> {
    const offering = await em.findOneOrFail(OfferingEntity, {
      where: { id: association.offeringId },
      lock: { mode: 'pessimistic_write' },
    });
    const enrolled = await em.count(AssociationEntity, {
      where: { offeringId: offering.id, state: 'associated' },
    });
    if (enrolled >= offering.places) {
      throw new HostError(
        'OFFERING.FULL',
        `The offering has ${offering.places} places and ${enrolled} students enrolled.`,
      );
    }
  }
}

function currentResult(em: EntityManager, associationId: string): Promise<ResultEntity | null> {
  return em.findOne(ResultEntity, { where: { associationId }, order: { recordedAt: 'DESC' } });
}

function notFound(id: string): HostError {
  return new HostError('NOT_FOUND', `There is no association ${id}.`);
}

/** Who the person is, to recognise a repeated request: their e-mail or code, within the caller's organisation. */
function personKeyOf(
  person: Record<string, unknown>,
  issuer: Record<string, unknown> | undefined,
): string {
  const code = (value: unknown) =>
    typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string'
      ? value.code
      : undefined;
  const who =
    (typeof person.mail === 'string' ? person.mail : undefined) ??
    code(person.primaryCode) ??
    (typeof person.personId === 'string' ? person.personId : undefined);
  if (!who) {
    throw new HostError(
      'INVALID',
      'The person needs a mail address, a primaryCode or a personId for the admissions office to know them.',
    );
  }
  return `${code(issuer?.primaryCode) ?? ''}/${who}`.toLowerCase();
}

function assertValidResult(result: NewResult): void {
  const { score, resultDate } = result;
  // The Dutch scale: 1 to 10, at most one decimal.
  const tenths = score * 10;
  if (
    !Number.isFinite(score) ||
    score < 1 ||
    score > 10 ||
    Math.abs(tenths - Math.round(tenths)) > 1e-9
  ) {
    throw new HostError(
      'INVALID',
      `A score is a grade from 1 to 10 with at most one decimal, not ${score}.`,
    );
  }
  const day = new Date(`${resultDate}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(resultDate) ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== resultDate
  ) {
    throw new HostError('INVALID', `A result date is YYYY-MM-DD, not ${resultDate}.`);
  }
}
