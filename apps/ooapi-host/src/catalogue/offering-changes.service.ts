import { DataSource, In } from 'typeorm';
import { HOLDS_A_PLACE } from '../admissions/association-states';
import { AssociationEntity, OfferingEntity } from '../database/entities';
import { HostError } from '../host.errors';

/** What the institution's staff may change of an offering in its catalogue; left out: unchanged. */
export interface OfferingChange {
  places?: number;
  description?: string;
  /** YYYY-MM-DD: the last day to enrol (OOAPI enrollEndDate). */
  enrolEndDate?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The staff keep the catalogue: the places, the description and the last day to enrol of an offering. Its
 * OOAPI answers show the change at once; Leerroutes takes it in at its next synchronisation.
 */
export class OfferingChangesService {
  constructor(private readonly dataSource: DataSource) {}

  /** The offering by its code (as staff know it) or its id, changed. */
  async change(codeOrId: string, change: OfferingChange): Promise<OfferingEntity> {
    return this.dataSource.transaction(async (em) => {
      // Locked, as a new association locks it: places checked here still hold when this commits.
      const offering = await em.findOne(OfferingEntity, {
        where: UUID.test(codeOrId) ? { id: codeOrId } : { code: codeOrId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!offering) throw new HostError('NOT_FOUND', `There is no offering ${codeOrId}.`);
      if (change.places !== undefined) {
        const held = await em.count(AssociationEntity, {
          where: { offeringId: offering.id, state: In([...HOLDS_A_PLACE]) },
        });
        if (!Number.isInteger(change.places) || change.places < held) {
          throw new HostError(
            'INVALID',
            `Places must be a whole number of at least the ${held} students who hold one.`,
          );
        }
        offering.places = change.places;
      }
      if (change.description !== undefined) {
        if (!change.description.trim()) throw new HostError('INVALID', 'Say what the offering is.');
        offering.description = change.description.trim();
      }
      if (change.enrolEndDate !== undefined) {
        if (!isDate(change.enrolEndDate) || change.enrolEndDate > offering.endDate) {
          throw new HostError(
            'INVALID',
            `The last day to enrol must be a date as YYYY-MM-DD, no later than the end (${offering.endDate}).`,
          );
        }
        offering.enrolEndDate = change.enrolEndDate;
      }
      return em.save(offering);
    });
  }

  /** One offering with its course. */
  find(id: string): Promise<OfferingEntity | null> {
    return this.dataSource.manager.findOne(OfferingEntity, {
      where: { id },
      relations: { course: true },
    });
  }

  /** Every offering with its course, by start and code, as the staff screen and the CLI list them. */
  list(): Promise<OfferingEntity[]> {
    return this.dataSource.manager.find(OfferingEntity, {
      relations: { course: true },
      order: { startDate: 'ASC', code: 'ASC' },
    });
  }
}

function isDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}
