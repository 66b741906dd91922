import { Injectable } from '@nestjs/common';
import { TransitionEntity } from '@lr/database';
import { InstitutionRegistry } from '@lr/institutions';
import {
  Actor,
  ConflictError,
  DomainError,
  addDays,
  dutchDate,
  objectionTermEnds,
} from '@lr/domain';
import { RequestStore, DecisionOutcome } from '../writer/request-store';

export interface Objection {
  grounds: string;
  expectedVersion?: number;
}

/**
 * The student objects to the exam board's rejection of a component, within six weeks of it: the component goes
 * back to the board, with a new decision term, for it to review its decision. The grounds go into the timeline.
 */
@Injectable()
export class LodgeObjectionUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(
    actor: Actor,
    requestId: string,
    componentId: string,
    objection: Objection,
  ): Promise<DecisionOutcome> {
    const grounds = objection.grounds.trim();
    if (!grounds) {
      throw new DomainError('OBJECTION.GROUNDS_REQUIRED', 'An objection needs its grounds.', {
        field: 'grounds',
      });
    }
    return this.store.decideOnComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.object', locked);
      const { em, request, component, now } = locked;
      const board = this.registry.examBoardForProgramme(
        request.homeInstitutionCode,
        request.homeProgrammeCode,
      );
      const rejectedAt =
        component.state === 'rejected_by_exam_board'
          ? (
              await em.findOne(TransitionEntity, {
                where: { componentId, toState: 'rejected_by_exam_board' },
                order: { id: 'DESC' },
              })
            )?.at
          : undefined;
      // The transition checks actor and state first (403, then 409), the term after.
      await this.store.transition(locked, {
        event: 'object',
        actor,
        motivation: grounds,
        expectedVersion: objection.expectedVersion,
        changes: { decisionDueAt: addDays(now, board.decisionTermDays) },
      });
      const termEnds = rejectedAt && objectionTermEnds(rejectedAt);
      if (termEnds && dutchDate(now) > termEnds) {
        throw new ConflictError(
          'OBJECTION.TERM_PASSED',
          `The term for an objection ended on ${termEnds}, six weeks after the rejection.`,
          { termEnds },
        );
      }
    });
  }
}
