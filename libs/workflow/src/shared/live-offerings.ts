import { EntityManager, In, Not, QueryFailedError } from 'typeorm';
import { ComponentEntity, OfferingEntity } from '@lr/database';
import { ComponentState, ConflictError, ENDED_STATES, PersonKey } from '@lr/domain';

/** The unique index that holds a student to one live component per offering (ComponentEntity). */
const LIVE_OFFERING_INDEX = 'uq_components_live_offering';

function alreadyRequested(offering: Pick<OfferingEntity, 'id' | 'title'>): ConflictError {
  return new ConflictError(
    'REQUEST.OFFERING_ALREADY_REQUESTED',
    `You already have a request for ${offering.title} that is under way or was credited; withdraw it ` +
      'before asking again.',
    { offeringId: offering.id },
  );
}

/**
 * Refuses (409) a component for an offering the student already has a live or credited component for, so that
 * one unit is not admitted and credited twice. `except`: the component that is itself coming back to life.
 */
export async function refuseLiveDuplicates(
  em: EntityManager,
  student: PersonKey,
  offerings: Pick<OfferingEntity, 'id' | 'title'>[],
  except?: string,
): Promise<void> {
  const live = await em.findOne(ComponentEntity, {
    where: {
      homeInstitutionCode: student.institutionCode,
      studentId: student.id,
      offeringId: In(offerings.map((o) => o.id)),
      state: Not(In([...ENDED_STATES])),
      ...(except ? { id: Not(except) } : {}),
    },
    select: { offeringId: true },
  });
  if (live) throw alreadyRequested(offerings.find((o) => o.id === live.offeringId)!);
}

/**
 * Runs a write that may make a component live, turning the unique index's refusal into the same 409 the check
 * above gives: two requests made at the same moment both pass the check, and only the index sees both.
 */
export async function asLiveOffering<T>(
  write: () => Promise<T>,
  offerings: Pick<OfferingEntity, 'id' | 'title'>[],
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driverError = error instanceof QueryFailedError ? (error.driverError as object) : {};
    const violated = 'constraint' in driverError && driverError.constraint === LIVE_OFFERING_INDEX;
    if (violated && 'code' in driverError && driverError.code === '23505') {
      const detail = 'detail' in driverError ? String(driverError.detail) : '';
      const offering = offerings.find((o) => detail.includes(o.id)) ?? offerings[0];
      if (offering) throw alreadyRequested(offering);
    }
    throw error;
  }
}

/** 409 for an admission into an offering with no place left (the writer takes places in SQL, one at a time). */
export function offeringFull(
  offering: Pick<OfferingEntity, 'title' | 'capacity' | 'waitingList'>,
  from: ComponentState,
): ConflictError {
  return new ConflictError(
    'OFFERING.FULL',
    `${offering.title} is full (${offering.capacity} places).` +
      (offering.waitingList && from !== 'waitlisted'
        ? ' Put the student on its waiting list, or refuse.'
        : ''),
    { capacity: offering.capacity, waitingList: offering.waitingList },
  );
}
