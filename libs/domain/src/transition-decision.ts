import type { Actor, ComponentScope } from './actor';
import { actsAs } from './authorization';
import { addDays, startOfNextDutchDay } from './clock';
import {
  ComponentEvent,
  ComponentState,
  Party,
  Side,
  TRANSITIONS,
  deriveRequestStatus,
  findTransition,
  isEnded,
  RequestStatus,
} from './component-state';
import type { CreditUnit } from './credits';
import { ForbiddenError, IllegalTransitionError, StaleVersionError } from './errors';
import { Audience, AUDIENCES_OF_EVENT } from './notification-rules';
import type { AssociationState } from './association';

/** The columns a transition may change together with the state. */
export interface ComponentFieldChanges {
  approvedCredits?: number;
  approvedCreditUnit?: CreditUnit;
  approvedPlacement?: string;
  approvalReference?: string;
  enrolmentReference?: string | null;
  decisionDueAt?: Date;
  deliveryFailedAt?: Date | null;
}

/** What the rules need to know of a component: its state and version, and the facts its effects follow from. */
export interface ComponentSnapshot {
  id: string;
  requestId: string;
  state: ComponentState;
  version: number;
  /** Who may see and act on it, as it is before the change. */
  scope: ComponentScope;
  decisionDueAt: Date | null;
  /** The enrolment deadline of its offering (an Amsterdam date): the host's timer while it holds the component. */
  enrolmentDeadline: string;
  associationId: string | null;
  associationState: AssociationState | null;
  associationRequestedAt: Date | null;
  /** The states of the request's other components: the request's status is derived from them all. */
  siblingStates: readonly ComponentState[];
}

export interface TransitionCommand {
  event: ComponentEvent;
  actor: Actor;
  motivation?: string | null;
  changes?: ComponentFieldChanges;
  /** The version the actor saw; a component changed since then is a conflict, not a silent overwrite. */
  expectedVersion?: number;
  /** An admission that takes one of the offering's places: no place left, no admission (409, nothing changes). */
  takesPlace?: boolean;
}

/** Settings the rules take from the configuration. */
export interface DecisionSettings {
  /** How many days before the exam board's term ends it is reminded. */
  decisionReminderDays: number;
}

/** The names of the jobs a decision causes; the job catalogue (libs/queue) holds their payloads. */
export type SystemJobName =
  'admission.deliver-request' | 'result.deliver-home' | 'association.cancel';
export type TimerName =
  'timer.decision-reminder' | 'timer.decision-overdue' | 'timer.enrolment-deadline';

/** A job for a component at one version, on the queue of one side's institution. */
export interface ComponentJobRef<N extends string = string> {
  name: N;
  side: Side;
  version: number;
}

export interface TimerRef extends ComponentJobRef<TimerName> {
  runAt: Date;
}

/** Everything one transition changes, as data: one writer applies it in one statement. */
export interface TransitionDecision {
  componentId: string;
  requestId: string;
  event: ComponentEvent;
  actor: Actor;
  from: ComponentState;
  to: ComponentState;
  fromVersion: number;
  toVersion: number;
  motivation: string | null;
  changes: ComponentFieldChanges;
  /** The exam board's decision term after the change, if one runs. */
  decisionDueAt: Date | null;
  /** The request's status once the component has moved. */
  requestStatus: RequestStatus;
  /** The first submission marks the request submitted (its home side may see it from then on). */
  marksSubmitted: boolean;
  /** The component's scope after the change: who is told is limited to who may see it then. */
  scopeAfter: ComponentScope;
  audiences: readonly Audience[];
  timersCleared: readonly ComponentJobRef<TimerName>[];
  timersSet: readonly TimerRef[];
  /** The jobs that take the next step: the system's own step, a cancellation at the host's system. */
  jobs: readonly ComponentJobRef<SystemJobName>[];
  /** An ended component that comes back to life: the writer must keep one live component per offering. */
  revives: boolean;
  /** The component takes one of its offering's places, in the same statement, or nothing happens. */
  takesPlace: boolean;
}

/** The states in which the system, not a person, takes the next step, with the job that takes it. */
export const SYSTEM_STEP_OF_STATE: Partial<
  Record<ComponentState, ComponentJobRef<SystemJobName>['name']>
> = {
  approved: 'admission.deliver-request',
  result_recorded: 'result.deliver-home',
};

/** The side whose queue runs each job: delivery is the host's work, the result's journey home the home's. */
export const SIDE_OF_JOB: Record<SystemJobName | TimerName, Side> = {
  'admission.deliver-request': 'host',
  'result.deliver-home': 'home',
  'association.cancel': 'host',
  'timer.decision-reminder': 'home',
  'timer.decision-overdue': 'home',
  'timer.enrolment-deadline': 'host',
};

/** Where a component ends that the host's system still holds an association for: it is canceled there. */
export const ENDS_THE_ASSOCIATION: readonly ComponentState[] = ['withdrawn', 'expired'];

/** The facts the timers follow from. */
export interface TimerFacts {
  state: ComponentState;
  version: number;
  decisionDueAt: Date | null;
  enrolmentDeadline: string;
}

/**
 * Which timers a component has in its state and version: the exam board's decision term (a reminder, then the
 * overdue notice) while it waits for the board, and the enrolment deadline while the host has it. Only once
 * the host has it: before that, delivery itself refuses after the deadline, with that reason.
 */
export function timersOf(facts: TimerFacts, settings: DecisionSettings): TimerRef[] {
  const at = (name: TimerName, runAt: Date): TimerRef => ({
    name,
    side: SIDE_OF_JOB[name],
    version: facts.version,
    runAt,
  });
  switch (facts.state) {
    case 'awaiting_approval':
    case 'awaiting_recognition': {
      const due = facts.decisionDueAt;
      if (!due) return [];
      return [
        at('timer.decision-reminder', reminderAt(due, settings)),
        at('timer.decision-overdue', due),
      ];
    }
    case 'awaiting_admission':
    case 'waitlisted':
      return [at('timer.enrolment-deadline', startOfNextDutchDay(facts.enrolmentDeadline))];
    case 'draft':
    case 'approved':
    case 'rejected_by_exam_board':
    case 'rejected_by_host':
    case 'enrolled':
    case 'result_recorded':
    case 'recognised':
    case 'not_recognised':
    case 'registered':
    case 'withdrawn':
    case 'expired':
      return [];
  }
}

/** When the exam board is reminded of a term that ends at `due`. */
export function reminderAt(due: Date, settings: DecisionSettings): Date {
  return addDays(due, -settings.decisionReminderDays);
}

/** The job a component waits for in a state and version, or undefined when a person acts next. */
export function systemStepOf(
  state: ComponentState,
  version: number,
): ComponentJobRef<SystemJobName> | undefined {
  const name = SYSTEM_STEP_OF_STATE[state];
  return name ? { name, side: SIDE_OF_JOB[name], version } : undefined;
}

/**
 * Decides one transition: whether the actor may cause the event here (403 first, so that nothing about the
 * component's state is told to who may not act), whether the version the actor saw is current and the state
 * table allows it (409), and then everything the change brings with it. No I/O: the caller reads, this decides,
 * one writer applies.
 */
export function decideTransition(
  snapshot: ComponentSnapshot,
  command: TransitionCommand,
  settings: DecisionSettings,
): TransitionDecision {
  const { event, actor } = command;
  const mayCause = (parties: readonly Party[]) =>
    parties.some((p) => actsAs(actor, p, snapshot.scope));
  if (!mayCause(TRANSITIONS.filter((t) => t.event === event).flatMap((t) => t.by))) {
    throw new ForbiddenError(
      `A ${actor.role} of ${actor.institutionCode} may not '${event}' this component.`,
    );
  }
  if (command.expectedVersion !== undefined && command.expectedVersion !== snapshot.version) {
    throw new StaleVersionError(command.expectedVersion, snapshot.version, snapshot.state);
  }
  const transition = findTransition(snapshot.state, event);
  if (!transition || !mayCause(transition.by)) {
    throw new IllegalTransitionError(snapshot.state, event);
  }
  const changes = command.changes ?? {};
  const to = transition.to;
  const toVersion = snapshot.version + 1;
  const decisionDueAt =
    changes.decisionDueAt !== undefined ? changes.decisionDueAt : snapshot.decisionDueAt;
  const scopeAfter: ComponentScope = {
    ...snapshot.scope,
    submitted: snapshot.scope.submitted || event === 'submit',
    sentToHost: snapshot.scope.sentToHost || changes.approvalReference !== undefined,
  };
  return {
    componentId: snapshot.id,
    requestId: snapshot.requestId,
    event,
    actor,
    from: snapshot.state,
    to,
    fromVersion: snapshot.version,
    toVersion,
    motivation: command.motivation ?? null,
    changes,
    decisionDueAt,
    requestStatus: deriveRequestStatus([...snapshot.siblingStates, to]),
    marksSubmitted: event === 'submit',
    scopeAfter,
    audiences: AUDIENCES_OF_EVENT[event].filter((a) => mayBeTold(a, scopeAfter)),
    timersCleared: timersOf(snapshot, settings).map(({ name, side, version }) => ({
      name,
      side,
      version,
    })),
    timersSet: timersOf(
      {
        state: to,
        version: toVersion,
        decisionDueAt,
        enrolmentDeadline: snapshot.enrolmentDeadline,
      },
      settings,
    ),
    jobs: [
      nextStep(snapshot.state, to, event, toVersion),
      cancellation(snapshot, to, event, toVersion),
    ].filter((job): job is ComponentJobRef<SystemJobName> => job !== undefined),
    revives: isEnded(snapshot.state) && !isEnded(to),
    takesPlace: command.takesPlace === true,
  };
}

const HOST_AUDIENCES: readonly Audience[] = ['host-admissions', 'host-registrars'];

/** Told only who may see the component: the home side once it was submitted, the host once it was sent there. */
export function mayBeTold(audience: Audience, scope: ComponentScope): boolean {
  if (audience === 'student') return true;
  return HOST_AUDIENCES.includes(audience) ? scope.sentToHost : scope.submitted;
}

/**
 * The system's next step, when the component reaches a state that waits for one; an admin's redelivery asks for
 * it again in the same state. A failed delivery leaves the state as it is and asks for nothing.
 */
function nextStep(
  from: ComponentState,
  to: ComponentState,
  event: ComponentEvent,
  version: number,
): ComponentJobRef<SystemJobName> | undefined {
  return from !== to || event === 'redeliver' ? systemStepOf(to, version) : undefined;
}

/**
 * A component withdrawn by the student, or expired, whose host's own system made an association (or was asked
 * for one, whose answer may have been lost) has it canceled there. Not when the host's system itself canceled it.
 */
function cancellation(
  snapshot: ComponentSnapshot,
  to: ComponentState,
  event: ComponentEvent,
  version: number,
): ComponentJobRef<SystemJobName> | undefined {
  const mayHaveOne = snapshot.associationId !== null || snapshot.associationRequestedAt !== null;
  if (!mayHaveOne || snapshot.associationState === 'canceled' || event === 'cancel')
    return undefined;
  if (snapshot.state === to || !ENDS_THE_ASSOCIATION.includes(to)) return undefined;
  return { name: 'association.cancel', side: SIDE_OF_JOB['association.cancel'], version };
}
