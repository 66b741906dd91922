import { Injectable } from '@nestjs/common';
import { ComponentResultEntity, RecognitionEntity } from '@lr/database';
import { InstitutionRegistry } from '@lr/institutions';
import { Actor, DomainError, assertPositiveCredits } from '@lr/domain';
import { offeringOf } from '../shared/offering-of';
import { recognitionRow } from '../jobs/receive-result.use-case';
import { proposeRecognition } from '../shared/recognition.policy';
import { RequestStore, DecisionOutcome } from '../writer/request-store';

export interface RecognitionDecision {
  decision: 'recognise' | 'refuse';
  /** Credits recognised in the home unit; defaults to the converted result. */
  credits?: number;
  placement?: string;
  /** Required for a refusal. */
  motivation?: string;
  expectedVersion?: number;
}

/** The home exam board decides how a deviating result is recognised, or that it is not. */
@Injectable()
export class DecideRecognitionUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(
    actor: Actor,
    requestId: string,
    componentId: string,
    decision: RecognitionDecision,
  ): Promise<DecisionOutcome> {
    const motivation = decision.motivation?.trim() || null;
    return this.store.decideOnComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.recognise', locked);
      const { em, request, component, now } = locked;
      if (decision.decision === 'refuse' && !motivation) {
        throw new DomainError('DECISION.MOTIVATION_REQUIRED', 'A refusal needs a motivation.', {
          field: 'motivation',
        });
      }
      const event = decision.decision === 'recognise' ? 'recognise' : 'refuse_recognition';
      await this.store.transition(locked, {
        event,
        actor,
        motivation,
        expectedVersion: decision.expectedVersion,
      });
      const result = await em.findOneByOrFail(ComponentResultEntity, { componentId: component.id });
      if (decision.decision === 'recognise' && !result.passed) {
        throw new DomainError(
          'RECOGNITION.FAILED_RESULT',
          'A failed result cannot be recognised; refuse recognition with a motivation.',
          { field: 'decision' },
        );
      }
      const offering = await offeringOf(em, component.offeringId);
      const home = this.registry.get(request.homeInstitutionCode);
      const proposal = proposeRecognition(component, offering, result, home.creditUnit);
      const credits =
        decision.decision === 'recognise' ? (decision.credits ?? proposal.credits) : 0;
      if (decision.decision === 'recognise') assertPositiveCredits(credits);
      const board = this.registry.examBoardForProgramme(
        request.homeInstitutionCode,
        request.homeProgrammeCode,
      );
      await em.insert(
        RecognitionEntity,
        recognitionRow(component, result, {
          outcome: decision.decision === 'recognise' ? 'recognised' : 'not_recognised',
          recognisedCredits: credits,
          recognisedCreditUnit: home.creditUnit,
          placement: decision.placement?.trim() || component.approvedPlacement,
          conversionRule: proposal.rule,
          basis: 'decision',
          decisionReference: `${board.code}/${now.getUTCFullYear()}/R-${component.id.slice(0, 8)}`,
          motivation,
          decidedBy: actor.id,
          decidedAt: now,
        }),
      );
    });
  }
}
