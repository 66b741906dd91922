import { Injectable } from '@nestjs/common';
import { InstitutionRegistry } from '@lr/institutions';
import { Actor, DomainError, assertPositiveCredits, convertCredits } from '@lr/domain';
import { offeringOf } from '../shared/offering-of';
import { RequestStore, DecisionOutcome } from '../writer/request-store';

export interface ApprovalDecision {
  decision: 'approve' | 'reject';
  /** Required for a rejection: a formal decision the student can appeal must say why. */
  motivation?: string;
  /** How many credits, in the home unit, the component will count for; defaults to the converted offering. */
  credits?: number;
  /** Where it counts; defaults to what the student asked (elective space, minor, or the replaced unit). */
  placement?: string;
  expectedVersion?: number;
}

/** The home exam board approves or rejects one component. An approval sends the component to its host. */
@Injectable()
export class DecideApprovalUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(
    actor: Actor,
    requestId: string,
    componentId: string,
    decision: ApprovalDecision,
  ): Promise<DecisionOutcome> {
    const motivation = decision.motivation?.trim() || undefined;
    return this.store.decideAtOnce(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.approve', locked);
      const { expectedVersion } = decision;
      if (decision.decision === 'reject') {
        if (!motivation) {
          throw new DomainError('DECISION.MOTIVATION_REQUIRED', 'A rejection needs a motivation.', {
            field: 'motivation',
          });
        }
        await this.store.transition(locked, {
          event: 'reject',
          actor,
          motivation,
          expectedVersion,
        });
        return;
      }
      const { em, request, component, now } = locked;
      const home = this.registry.get(request.homeInstitutionCode);
      const offering = await offeringOf(em, component.offeringId);
      const proposal = convertCredits(offering.credits, offering.creditUnit, home.creditUnit);
      const credits = decision.credits ?? proposal.credits;
      assertPositiveCredits(credits);
      const board = this.registry.examBoardForProgramme(
        request.homeInstitutionCode,
        request.homeProgrammeCode,
      );
      await this.store.transition(locked, {
        event: 'approve',
        actor,
        motivation,
        expectedVersion,
        changes: {
          approvedCredits: credits,
          approvedCreditUnit: home.creditUnit,
          approvedPlacement:
            decision.placement?.trim() ||
            defaultPlacement(component.countsAs, component.replacesUnit),
          approvalReference: `${board.code}/${now.getUTCFullYear()}/${component.id.slice(0, 8)}`,
        },
      });
    });
  }
}

function defaultPlacement(countsAs: string, replacesUnit: string | null): string {
  return countsAs === 'replacement' ? `replaces ${replacesUnit}` : countsAs;
}
