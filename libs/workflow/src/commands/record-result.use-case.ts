import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComponentResultEntity, ComponentResultHistoryEntity } from '@lr/database';
import { InstitutionRegistry } from '@lr/institutions';
import { Actor, CreditUnit, DomainError, ErrorCode, GradingScale, gradeIsPass } from '@lr/domain';
import { recordAudit } from '../writer/audit-trail';
import { offeringOf } from '../shared/offering-of';
import { Locked, RequestStore, DecisionOutcome } from '../writer/request-store';

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

type ResultFields = Pick<
  ComponentResultEntity,
  'grade' | 'gradingScale' | 'passed' | 'credits' | 'creditUnit' | 'isFinal'
>;

/**
 * The host registrar records a result exactly as the host gives it. A provisional result is kept and shown; a
 * final one travels home as a job on the home institution's queue. A host whose own system takes part over
 * OOAPI has its results recorded the same way, by the worker on its behalf (record, correct).
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
  ): Promise<DecisionOutcome> {
    return this.store.decideOnComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.record-result', locked);
      await this.record(locked, actor, input);
    });
  }

  /** In the caller's transaction: the result of an enrolled component, checked, with its transition. */
  async record(locked: Locked, actor: Actor, input: ResultInput): Promise<void> {
    const { em, component, now } = locked;
    const fields = await this.checked(locked, input);
    await this.store.transition(locked, {
      event: input.final ? 'record_result' : 'record_provisional_result',
      actor,
      expectedVersion: input.expectedVersion,
      motivation: `${input.final ? 'Final' : 'Provisional'} result: ${fields.grade} (${fields.gradingScale})`,
    });
    await keepResult(em, component.id, { ...fields, recordedBy: actor.id, recordedAt: now });
  }

  /**
   * A final result the host has corrected after it travelled home: the last one counts, the one it replaces is
   * kept in the history, and the audit log says so. The component stays where it is: a recognition already
   * decided is the exam board's to revisit. Returns whether anything changed (the same result again does not).
   */
  async correct(locked: Locked, actor: Actor, input: ResultInput): Promise<boolean> {
    const { em, component, request, now } = locked;
    const fields = await this.checked(locked, input);
    const current = await em.findOneBy(ComponentResultEntity, { componentId: component.id });
    if (current && sameResult(current, fields)) return false;
    await keepResult(em, component.id, { ...fields, recordedBy: actor.id, recordedAt: now });
    await recordAudit(em, {
      actor,
      action: 'correct_result',
      objectType: 'component',
      objectId: component.id,
      request,
      motivation: `Corrected final result: ${fields.grade} (${fields.gradingScale})`,
      at: now,
    });
    return true;
  }

  /** Whether the result is the one the component already has (a callback or poll that repeats itself). */
  async isCurrent(em: EntityManager, componentId: string, input: ResultInput): Promise<boolean> {
    const current = await em.findOneBy(ComponentResultEntity, { componentId });
    return current !== null && current.isFinal === input.final && sameResult(current, input);
  }

  private async checked(locked: Locked, input: ResultInput): Promise<ResultFields> {
    const { em, component } = locked;
    const scale =
      input.gradingScale ?? this.registry.get(component.hostInstitutionCode).gradingScale;
    const accepted = this.registry.acceptedGradingScales(component.hostInstitutionCode);
    const invalid = (code: ErrorCode, message: string, field: string) =>
      new DomainError(code, message, { field });
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
    return {
      grade: input.grade,
      gradingScale: scale,
      passed: input.passed,
      credits: input.credits,
      creditUnit: input.creditUnit ?? offering.creditUnit,
      isFinal: input.final,
    };
  }
}

/** The component's result becomes `result`; one it replaces goes to the history first. */
async function keepResult(
  em: EntityManager,
  componentId: string,
  result: ResultFields & Pick<ComponentResultEntity, 'recordedBy' | 'recordedAt'>,
): Promise<void> {
  const replaced = await em.findOneBy(ComponentResultEntity, { componentId });
  if (replaced) {
    const { component: _component, ...kept } = replaced;
    await em.insert(ComponentResultHistoryEntity, { ...kept, replacedAt: result.recordedAt });
  }
  await em.upsert(ComponentResultEntity, { componentId, ...result }, ['componentId']);
}

function sameResult(
  a: Pick<ResultFields, 'grade' | 'passed' | 'credits'> & { creditUnit?: CreditUnit },
  b: Pick<ResultFields, 'grade' | 'passed' | 'credits'> & { creditUnit?: CreditUnit },
): boolean {
  return (
    a.grade === b.grade &&
    a.passed === b.passed &&
    Number(a.credits) === Number(b.credits) &&
    (a.creditUnit === undefined || b.creditUnit === undefined || a.creditUnit === b.creditUnit)
  );
}
