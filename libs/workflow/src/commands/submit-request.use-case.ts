import { Injectable } from '@nestjs/common';
import { InstitutionRegistry } from '@lr/institutions';
import { Actor, ConflictError, addDays } from '@lr/domain';
import { RequestStore, DecisionOutcome } from '../writer/request-store';

/** The student submits all draft components to the home exam board; its decision term starts now. */
@Injectable()
export class SubmitRequestUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(actor: Actor, requestId: string): Promise<DecisionOutcome> {
    return this.store.decideAtOnce(
      actor,
      requestId,
      undefined,
      async ({ em, request, components, now }) => {
        this.store.authorizeRequest(actor, 'request.submit', request, components);
        const drafts = components.filter((c) => c.state === 'draft');
        if (drafts.length === 0) {
          throw new ConflictError(
            'REQUEST.NOTHING_TO_SUBMIT',
            'This request has no draft components to submit.',
          );
        }
        const board = this.registry.examBoardForProgramme(
          request.homeInstitutionCode,
          request.homeProgrammeCode,
        );
        request.submittedAt ??= now;
        const decisionDueAt = addDays(now, board.decisionTermDays);
        for (const component of drafts) {
          await this.store.transition(
            { em, request, component, components, now },
            { event: 'submit', actor, changes: { decisionDueAt } },
          );
        }
      },
    );
  }
}
