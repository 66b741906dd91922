import { Injectable } from '@nestjs/common';
import { CreditEntryEntity, RecognitionEntity } from '@lr/database';
import { Actor } from '@lr/domain';
import { offeringOf } from '../shared/offering-of';
import { RequestStore } from '../writer/request-store';

export interface RegistrationOutcome {
  entry: CreditEntryEntity;
  /** True when the credits were registered before: nothing changed. */
  alreadyRegistered: boolean;
}

/** The home registrar records recognised credits in the student's credit record, exactly once. */
@Injectable()
export class RegisterCreditsUseCase {
  constructor(private readonly store: RequestStore) {}

  async execute(
    actor: Actor,
    requestId: string,
    componentId: string,
  ): Promise<RegistrationOutcome> {
    return this.store.withComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.register', locked);
      const { em, request, component, now } = locked;
      const existing = await em.findOneBy(CreditEntryEntity, { componentId: component.id });
      // Only the home registrar gets here (authorize refused anyone else): they learn that it is done.
      if (existing && component.state === 'registered') {
        return { entry: existing, alreadyRegistered: true };
      }
      await this.store.transition(locked, { event: 'register', actor });
      const recognition = await em.findOneByOrFail(RecognitionEntity, {
        componentId: component.id,
      });
      const offering = await offeringOf(em, component.offeringId);
      const entry = await em.save(
        Object.assign(new CreditEntryEntity(), {
          studentId: request.studentId,
          institutionCode: request.homeInstitutionCode,
          componentId: component.id,
          requestId: request.id,
          unitTitle: offering.title,
          hostInstitutionCode: component.hostInstitutionCode,
          credits: recognition.recognisedCredits,
          creditUnit: recognition.recognisedCreditUnit,
          placement: recognition.placement,
          originalGrade: recognition.originalGrade,
          decisionReference: recognition.decisionReference,
          registeredBy: actor.id,
          registeredAt: now,
        }),
      );
      return { entry, alreadyRegistered: false };
    });
  }
}
