import { Injectable } from '@nestjs/common';
import { Actor, ConflictError, DomainError, dutchDate } from '@lr/domain';
import { offeringOf } from '../shared/offering-of';
import { RequestStore, DecisionOutcome } from '../writer/request-store';

export interface AdmissionDecision {
  decision: 'admit' | 'refuse' | 'waitlist';
  /** Required for a refusal. */
  reason?: string;
  expectedVersion?: number;
}

/**
 * Host admissions admits (enrols) or refuses a student for one component, or puts them on the offering's waiting
 * list. Capacity and deadline hold, also for admission from the waiting list.
 */
@Injectable()
export class DecideAdmissionUseCase {
  constructor(private readonly store: RequestStore) {}

  async execute(
    actor: Actor,
    requestId: string,
    componentId: string,
    decision: AdmissionDecision,
  ): Promise<DecisionOutcome> {
    const reason = decision.reason?.trim() || undefined;
    const { expectedVersion } = decision;
    return this.store.decideOnComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.admit', locked);
      if (decision.decision === 'refuse') {
        if (!reason) {
          throw new DomainError('DECISION.REASON_REQUIRED', 'A refusal needs a reason.', {
            field: 'reason',
          });
        }
        await this.store.transition(locked, {
          event: 'refuse_admission',
          actor,
          motivation: reason,
          expectedVersion,
        });
        return;
      }
      const { em, component, now } = locked;
      // The domain checks actor and state before the offering is looked at.
      const decided = await this.store.decide(locked, {
        event: decision.decision,
        actor,
        motivation: reason,
        expectedVersion,
        takesPlace: decision.decision === 'admit',
      });
      const offering = await offeringOf(em, component.offeringId);
      if (decision.decision === 'waitlist' && !offering.waitingList) {
        throw new ConflictError(
          'OFFERING.NO_WAITING_LIST',
          `${offering.title} keeps no waiting list; admit or refuse.`,
        );
      }
      if (decision.decision === 'admit' && dutchDate(now) > offering.enrolmentDeadline) {
        throw new ConflictError(
          'OFFERING.DEADLINE_PASSED',
          `The enrolment deadline of ${offering.title} (${offering.enrolmentDeadline}) has passed.`,
        );
      }
      // The writer takes the place in the same statement: concurrent admissions cannot over-book.
      await this.store.apply(locked, decided);
    });
  }
}
