import { Injectable } from '@nestjs/common';
import { ComponentResultEntity } from '@lr/database';
import { InstitutionRegistry } from '@lr/institutions';
import { Actor, CreditUnit, DomainError, GradingScale, gradeIsPass } from '@lr/domain';
import { offeringOf } from './offering-of';
import { enqueuePendingJob } from './pending-job';
import { RequestStore } from './request-store';

export interface ResultInput {
  grade: string;
  /** Defaults to the host's scale; pass/fail is accepted for any unit. */
  gradingScale?: GradingScale;
  passed: boolean;
  /** Credits obtained, in creditUnit (defaults to the offering's unit). */
  credits: number;
  creditUnit?: CreditUnit;
  final: boolean;
  expectedVersion?: number;
}

/**
 * The host registrar records a result exactly as the host gives it. A provisional result is kept and shown; a
 * final one travels home as a job on the home institution's queue.
 */
@Injectable()
export class RecordResultUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(
    actor: Actor,
    requestId: string,
    componentId: string,
    input: ResultInput,
  ): Promise<void> {
    await this.store.withComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.record-result', locked);
      const { em, component, now } = locked;
      const scale =
        input.gradingScale ?? this.registry.get(component.hostInstitutionCode).gradingScale;
      const accepted = this.registry.acceptedGradingScales(component.hostInstitutionCode);
      const invalid = (code: string, message: string, field: string) =>
        new DomainError(code, message, 'invalid', { field });
      if (!accepted.includes(scale)) {
        throw invalid(
          'RESULT.INVALID_SCALE',
          `This host grades on ${accepted.join(' or ')}.`,
          'gradingScale',
        );
      }
      if (gradeIsPass(scale, input.grade) !== input.passed) {
        throw invalid(
          'RESULT.PASS_MISMATCH',
          `Grade '${input.grade}' is a ${input.passed ? 'fail' : 'pass'} on ${scale}.`,
          'passed',
        );
      }
      if (input.credits < 0 || (input.passed && input.credits === 0)) {
        throw invalid(
          'RESULT.INVALID_CREDITS',
          'A pass needs the credits obtained; credits are never negative.',
          'credits',
        );
      }
      const offering = await offeringOf(em, component.offeringId);
      await this.store.transition(locked, {
        event: input.final ? 'record_result' : 'record_provisional_result',
        actor,
        expectedVersion: input.expectedVersion,
        motivation: `${input.final ? 'Final' : 'Provisional'} result: ${input.grade} (${scale})`,
      });
      await em.upsert(
        ComponentResultEntity,
        {
          componentId: component.id,
          grade: input.grade,
          gradingScale: scale,
          passed: input.passed,
          credits: input.credits,
          creditUnit: input.creditUnit ?? offering.creditUnit,
          isFinal: input.final,
          recordedBy: actor.id,
          recordedAt: now,
        },
        ['componentId'],
      );
      await enqueuePendingJob(em, this.registry, component, now);
    });
  }
}
