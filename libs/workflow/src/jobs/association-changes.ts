import { Injectable } from '@nestjs/common';
import { ComponentEntity, OfferingEntity } from '@lr/database';
import {
  Actor,
  AssociationState,
  ComponentEvent,
  ComponentState,
  DomainError,
  ErrorCode,
  GradingScale,
  SYSTEM_ACTOR,
  gradeIsPass,
  isEnded,
  stepsToAssociationState,
} from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { CourseResult, LanguageTypedString, textIn } from '@lr/ooapi';
import { CREDIT_UNIT_OF_STUDY_LOAD } from '../shared/ooapi-study-load';
import { Locked, RequestStore } from '../writer/request-store';
import { RecordResultUseCase, ResultInput } from '../commands/record-result.use-case';

/** What a host's system says about an association: in its answer, a callback or a poll alike. */
export interface AssociationChange {
  state?: AssociationState;
  result?: CourseResult;
  /** The host's message with its answer: the reason of a refusal or a cancellation. */
  message?: LanguageTypedString[];
}

/** The states in which Leerroutes waits for the host's system, and so asks it now and then (polling). */
export const STATES_AWAITING_THE_HOST: readonly ComponentState[] = [
  'awaiting_admission',
  'waitlisted',
  'enrolled',
];

/** The first poll after a component starts waiting for the host; the wait doubles with every quiet poll. */
export const FIRST_POLL_MS = 60_000;
export const LONGEST_POLL_MS = 6 * 3600_000;

export function pollDelayMs(quietPolls: number): number {
  return Math.min(FIRST_POLL_MS * 2 ** Math.min(quietPolls, 20), LONGEST_POLL_MS);
}

/** The worker acting for the host's own system: its decisions and results, recorded on its behalf. */
export function hostSystemActor(hostInstitutionCode: string): Actor {
  return { ...SYSTEM_ACTOR, institutionCode: hostInstitutionCode };
}

/**
 * The one path by which what a host's system says about an association reaches the component, whether it came
 * in the answer to our POST, in the host's callback or from a poll. It runs in the transaction that holds the
 * request locked, and takes the component only as far as the state table allows from where it is: a report
 * heard twice (a callback and a poll, a retried job) finds the component already there and changes nothing.
 */
@Injectable()
export class AssociationChanges {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly results: RecordResultUseCase,
  ) {}

  /** Returns whether anything changed. */
  async apply(locked: Locked, change: AssociationChange): Promise<boolean> {
    const { em, component, now } = locked;
    const actor = hostSystemActor(component.hostInstitutionCode);
    let changed = false;
    if (change.state && change.state !== component.associationState) {
      component.associationState = change.state;
      await em.update(ComponentEntity, component.id, { associationState: change.state });
      changed = true;
    }
    for (const event of change.state
      ? stepsToAssociationState(component.state, change.state)
      : []) {
      await this.step(locked, actor, event, change.message);
      changed = true;
    }
    if (change.result) changed = (await this.applyResult(locked, actor, change.result)) || changed;
    if (changed) await this.schedulePoll(locked, 0, now);
    return changed;
  }

  /** When to ask the host next: soon after a change, later after each quiet poll; never once it is settled. */
  async schedulePoll(locked: Locked, quietPolls: number, now: Date): Promise<void> {
    const { em, component } = locked;
    const waiting =
      component.associationId !== null && STATES_AWAITING_THE_HOST.includes(component.state);
    const due = waiting ? new Date(now.getTime() + pollDelayMs(quietPolls)) : null;
    component.associationPollDueAt = due;
    component.associationPollsUnchanged = quietPolls;
    await em.update(ComponentEntity, component.id, {
      associationPollDueAt: due,
      associationPollsUnchanged: quietPolls,
    });
  }

  private async step(
    locked: Locked,
    actor: Actor,
    event: ComponentEvent,
    message: LanguageTypedString[] | undefined,
  ): Promise<void> {
    const { em, component } = locked;
    const said = message && message.length > 0 ? textIn(message) : undefined;
    const from = component.state;
    await this.store.transition(locked, {
      event,
      actor,
      motivation: motivationOf(event, said),
      changes:
        event === 'deliver_to_host' ? { enrolmentReference: component.associationId } : undefined,
    });
    // The host's system keeps its own places; Leerroutes' count of them follows it, within the capacity it
    // knows (the catalogue's copy may be behind the host's).
    if (event === 'admit') {
      await em
        .createQueryBuilder()
        .update(OfferingEntity)
        .set({ enrolledCount: () => 'enrolled_count + 1' })
        .where('id = :id AND enrolled_count < capacity', { id: component.offeringId })
        .execute();
    }
    if (event === 'cancel' && from === 'enrolled') {
      await em
        .createQueryBuilder()
        .update(OfferingEntity)
        .set({ enrolledCount: () => 'enrolled_count - 1' })
        .where('id = :id AND enrolled_count > 0', { id: component.offeringId })
        .execute();
    }
  }

  private async applyResult(locked: Locked, actor: Actor, result: CourseResult): Promise<boolean> {
    const { em, component } = locked;
    const input = this.resultInputOf(component.hostInstitutionCode, result);
    if (!input) return false;
    if (await this.results.isCurrent(em, component.id, input)) return false;
    if (component.state === 'enrolled') {
      await ooapiAsync('result', () => this.results.record(locked, actor, input));
      return true;
    }
    // A final result corrected after it went home: the last one counts, the earlier one is kept.
    if (input.final && CORRECTABLE.includes(component.state)) {
      return ooapiAsync('result', () => this.results.correct(locked, actor, input));
    }
    if (isEnded(component.state)) return false;
    throw new DomainError(
      'ASSOCIATION.NO_RESULT_YET',
      `A result cannot be recorded for a component that is ${component.state}.`,
    );
  }

  /**
   * The host's CourseResult as the host registrar records a result here: the score as the grade (on the host's
   * scale; pass/fail when it gives none), passed, the credits of its studyLoad (none for a fail), and final
   * once completed. Undefined for a result that says nothing yet (in progress, no score, no pass).
   */
  resultInputOf(hostInstitutionCode: string, result: CourseResult): ResultInput | undefined {
    const final = result.state === 'completed';
    const pass = result.pass === 'passed' ? true : result.pass === 'failed' ? false : undefined;
    const score = result.score?.trim();
    if (!score && pass === undefined) {
      if (!final) return undefined;
      throw invalid(
        'RESULT.NO_GRADE',
        'A completed result needs a score or a pass.',
        'result.pass',
      );
    }
    const scale: GradingScale =
      !score || score === 'pass' || score === 'fail'
        ? 'pass-fail'
        : this.registry.get(hostInstitutionCode).gradingScale;
    const grade = score || (pass ? 'pass' : 'fail');
    const unit = CREDIT_UNIT_OF_STUDY_LOAD[result.studyLoad?.studyLoadUnit];
    if (!unit) {
      throw invalid(
        'RESULT.UNKNOWN_STUDY_LOAD',
        `Credits in ${result.studyLoad?.studyLoadUnit} cannot be recognised: ects, sbu or hour.`,
        'result.studyLoad.studyLoadUnit',
      );
    }
    // A pass state of 'unknown' leaves it to the grade on the host's scale.
    const passed = pass ?? ooapiField('result.score', () => gradeIsPass(scale, grade));
    return {
      grade,
      gradingScale: scale,
      passed,
      credits: passed ? result.studyLoad.value : 0,
      creditUnit: unit,
      final,
    };
  }
}

/** Results that went home and may still be corrected by the host (the last one counts). */
const CORRECTABLE: readonly ComponentState[] = [
  'result_recorded',
  'awaiting_recognition',
  'recognised',
  'not_recognised',
  'registered',
];

function invalid(code: ErrorCode, message: string, field: string): DomainError {
  return new DomainError(code, message, { field });
}

/** The fields of a result as the registrar's form names them, and where they come from in a CourseResult. */
const OOAPI_FIELD: Record<string, string> = {
  grade: 'result.score',
  gradingScale: 'result.score',
  passed: 'result.pass',
  credits: 'result.studyLoad.value',
};

async function ooapiAsync<T>(field: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    return ooapiField(field, () => {
      throw error;
    });
  }
}

/** Runs `check`, naming a refused field as the host's message has it. */
export function ooapiField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'invalid') {
      const own = error.details?.field;
      throw new DomainError(error.code, error.message, {
        ...error.details,
        field: (typeof own === 'string' && OOAPI_FIELD[own]) || field,
      });
    }
    throw error;
  }
}

/** What the timeline says of a step the host's system took; its own message where it gave one. */
const MOTIVATION: Partial<Record<ComponentEvent, string>> = {
  refuse_admission: "Denied by the host's own system.",
  cancel: "Canceled by the host's own system.",
  waitlist: "On the waiting list of the host's own system.",
};

function motivationOf(event: ComponentEvent, said: string | undefined): string | undefined {
  return said ?? MOTIVATION[event];
}
