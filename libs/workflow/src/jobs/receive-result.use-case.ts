import { Injectable, Logger } from '@nestjs/common';
import { ComponentEntity, ComponentResultEntity, RecognitionEntity } from '@lr/database';
import { SYSTEM_ACTOR, addDays } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import type { ComponentJob } from '@lr/queue';
import { offeringOf } from '../shared/offering-of';
import { proposeRecognition } from '../shared/recognition.policy';
import { RequestStore } from '../writer/request-store';

/**
 * Job on the home institution's queue: a final result has come home. It is recognised under the approval when
 * it matches, or referred to the home exam board. Idempotent like every job.
 */
@Injectable()
export class ReceiveResultUseCase {
  private readonly logger = new Logger(ReceiveResultUseCase.name);

  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(job: ComponentJob): Promise<'recognised' | 'referred' | 'skipped'> {
    return this.store.withComponent(
      SYSTEM_ACTOR,
      job.requestId,
      job.componentId,
      async (locked) => {
        const { em, request, component, now } = locked;
        if (component.state !== 'result_recorded' || component.version !== job.expectedVersion) {
          this.logger.log(
            `Skipping result for ${component.id}: found ${component.state} v${component.version}`,
          );
          return 'skipped';
        }
        const result = await em.findOneByOrFail(ComponentResultEntity, {
          componentId: component.id,
        });
        const offering = await offeringOf(em, component.offeringId);
        const home = this.registry.get(request.homeInstitutionCode);
        const proposal = proposeRecognition(component, offering, result, home.creditUnit);
        const actor = { ...SYSTEM_ACTOR, institutionCode: home.code };
        if (proposal.deviations.length > 0) {
          // A recognition decision is a decision of the board like the approval: its term starts again now.
          const board = this.registry.examBoardForProgramme(home.code, request.homeProgrammeCode);
          await this.store.transition(locked, {
            event: 'refer_to_exam_board',
            actor,
            motivation: `Needs a recognition decision: ${proposal.deviations.join('; ')}.`,
            changes: { decisionDueAt: addDays(now, board.decisionTermDays) },
          });
          return 'referred';
        }
        const approved = `${component.approvedCredits} ${home.creditUnit}`;
        await this.store.transition(locked, {
          event: 'recognise_automatically',
          actor,
          motivation: `Recognised under approval ${component.approvalReference}.`,
        });
        await em.insert(
          RecognitionEntity,
          recognitionRow(component, result, {
            outcome: 'recognised',
            recognisedCredits: component.approvedCredits!,
            recognisedCreditUnit: home.creditUnit,
            placement: component.approvedPlacement,
            conversionRule: proposal.rule,
            basis: 'approval',
            decisionReference: component.approvalReference!,
            // The approval fixed the credits; the conversion shows that the result covers them.
            motivation:
              `${approved} as approved; the result of ${result.credits} ${result.creditUnit} ` +
              `converts to ${proposal.credits} ${proposal.unit} (${proposal.rule}).`,
            decidedBy: 'system',
            decidedAt: now,
          }),
        );
        return 'recognised';
      },
    );
  }
}

type RecognitionDecisionFields = Omit<
  RecognitionEntity,
  | 'componentId'
  | 'originalGrade'
  | 'originalGradingScale'
  | 'originalPassed'
  | 'originalCredits'
  | 'originalCreditUnit'
  | 'component'
>;

/** Keeps the original result beside what is recognised at home. */
export function recognitionRow(
  component: ComponentEntity,
  result: ComponentResultEntity,
  decision: RecognitionDecisionFields,
): RecognitionEntity {
  return Object.assign(new RecognitionEntity(), {
    componentId: component.id,
    originalGrade: result.grade,
    originalGradingScale: result.gradingScale,
    originalPassed: result.passed,
    originalCredits: result.credits,
    originalCreditUnit: result.creditUnit,
    ...decision,
  });
}
