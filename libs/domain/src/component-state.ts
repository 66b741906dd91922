import { addDays, dutchDate } from './clock';

/**
 * The whole state model of a request component, as data. RequestStore.transition and the tests read
 * this table; README draws it. A component is one unit (offering) at one host.
 */
export const COMPONENT_STATES = [
  'draft',
  'awaiting_approval',
  'rejected_by_exam_board',
  'approved',
  'awaiting_admission',
  'waitlisted',
  'rejected_by_host',
  'enrolled',
  'result_recorded',
  'awaiting_recognition',
  'recognised',
  'not_recognised',
  'registered',
  'withdrawn',
  'expired',
] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];

export const COMPONENT_EVENTS = [
  'submit',
  'withdraw',
  'approve',
  'reject',
  'deliver_to_host',
  'refuse_admission',
  'admit',
  'waitlist',
  'record_provisional_result',
  'record_result',
  'recognise_automatically',
  'refer_to_exam_board',
  'recognise',
  'refuse_recognition',
  'register',
  'delivery_failed',
  'redeliver',
  'expire',
  'object',
  'cancel',
] as const;
export type ComponentEvent = (typeof COMPONENT_EVENTS)[number];

/**
 * Who may cause an event. The party combines a role with a scope: the home side is the student's institution and
 * programme, the host side is the institution offering the unit. 'admin' is an application administrator of
 * either side. 'system' is the worker acting on a job.
 */
export type Party =
  | 'student'
  | 'home-exam-board'
  | 'host-admissions'
  | 'host-registrar'
  | 'home-registrar'
  | 'admin'
  | 'system';

export interface Transition {
  from: ComponentState;
  event: ComponentEvent;
  to: ComponentState;
  by: readonly Party[];
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', event: 'submit', to: 'awaiting_approval', by: ['student'] },
  { from: 'draft', event: 'withdraw', to: 'withdrawn', by: ['student'] },
  { from: 'awaiting_approval', event: 'approve', to: 'approved', by: ['home-exam-board'] },
  {
    from: 'awaiting_approval',
    event: 'reject',
    to: 'rejected_by_exam_board',
    by: ['home-exam-board'],
  },
  { from: 'awaiting_approval', event: 'withdraw', to: 'withdrawn', by: ['student'] },
  // An objection to a rejection, within OBJECTION_TERM_DAYS: the exam board reviews its decision.
  { from: 'rejected_by_exam_board', event: 'object', to: 'awaiting_approval', by: ['student'] },
  { from: 'approved', event: 'deliver_to_host', to: 'awaiting_admission', by: ['system'] },
  // The host's system refuses at delivery when the offering is full or its enrolment deadline has passed.
  { from: 'approved', event: 'refuse_admission', to: 'rejected_by_host', by: ['system'] },
  { from: 'approved', event: 'withdraw', to: 'withdrawn', by: ['student'] },
  // 'system' beside a host's people: for a host whose own system decides (over OOAPI), the worker records its
  // decisions on its behalf (libs/domain/src/association.ts).
  { from: 'awaiting_admission', event: 'admit', to: 'enrolled', by: ['host-admissions', 'system'] },
  {
    from: 'awaiting_admission',
    event: 'refuse_admission',
    to: 'rejected_by_host',
    by: ['host-admissions', 'system'],
  },
  { from: 'awaiting_admission', event: 'withdraw', to: 'withdrawn', by: ['student'] },
  // The host did not decide before the offering's enrolment deadline.
  { from: 'awaiting_admission', event: 'expire', to: 'expired', by: ['system'] },
  // An offering that keeps a waiting list: delivery puts the student on it when the offering is already full,
  // host admissions when places run out. Admission from the list still needs a free place.
  { from: 'approved', event: 'waitlist', to: 'waitlisted', by: ['system'] },
  {
    from: 'awaiting_admission',
    event: 'waitlist',
    to: 'waitlisted',
    by: ['host-admissions', 'system'],
  },
  { from: 'waitlisted', event: 'admit', to: 'enrolled', by: ['host-admissions', 'system'] },
  {
    from: 'waitlisted',
    event: 'refuse_admission',
    to: 'rejected_by_host',
    by: ['host-admissions', 'system'],
  },
  { from: 'waitlisted', event: 'withdraw', to: 'withdrawn', by: ['student'] },
  // No place became free before the enrolment deadline: the waiting list closes.
  { from: 'waitlisted', event: 'expire', to: 'expired', by: ['system'] },
  // A provisional (not final) result is kept and shown, but only a final one travels home.
  {
    from: 'enrolled',
    event: 'record_provisional_result',
    to: 'enrolled',
    by: ['host-registrar', 'system'],
  },
  {
    from: 'enrolled',
    event: 'record_result',
    to: 'result_recorded',
    by: ['host-registrar', 'system'],
  },
  // A host's own system canceled the association (over OOAPI): the student no longer takes the unit there.
  { from: 'awaiting_admission', event: 'cancel', to: 'withdrawn', by: ['system'] },
  { from: 'waitlisted', event: 'cancel', to: 'withdrawn', by: ['system'] },
  { from: 'enrolled', event: 'cancel', to: 'withdrawn', by: ['system'] },
  { from: 'result_recorded', event: 'recognise_automatically', to: 'recognised', by: ['system'] },
  {
    from: 'result_recorded',
    event: 'refer_to_exam_board',
    to: 'awaiting_recognition',
    by: ['system'],
  },
  { from: 'awaiting_recognition', event: 'recognise', to: 'recognised', by: ['home-exam-board'] },
  {
    from: 'awaiting_recognition',
    event: 'refuse_recognition',
    to: 'not_recognised',
    by: ['home-exam-board'],
  },
  { from: 'recognised', event: 'register', to: 'registered', by: ['home-registrar'] },
  // A job that failed for good leaves its component where it was, marked, until an admin sends it again.
  { from: 'approved', event: 'delivery_failed', to: 'approved', by: ['system'] },
  { from: 'result_recorded', event: 'delivery_failed', to: 'result_recorded', by: ['system'] },
  { from: 'approved', event: 'redeliver', to: 'approved', by: ['admin'] },
  { from: 'result_recorded', event: 'redeliver', to: 'result_recorded', by: ['admin'] },
];

/** The two sides of a component: the student's home institution and programme, and the host of the unit. */
export type Side = 'home' | 'host';

/** The side each party acts for. An admin acts for whichever side their own institution is (sideOfStep). */
export const SIDE_OF_PARTY: Record<Exclude<Party, 'admin' | 'system'>, Side> = {
  student: 'home',
  'home-exam-board': 'home',
  'home-registrar': 'home',
  'host-admissions': 'host',
  'host-registrar': 'host',
};

/**
 * The side the worker acts for in a step from each state. From approval until enrolment the component is the
 * host's to handle (delivery to its system, its waiting list, its enrolment deadline); a recorded result
 * travels home, where it is recognised. A test holds every system transition of the table to an entry here.
 */
export const SYSTEM_SIDE_FROM: Partial<Record<ComponentState, Side>> = {
  approved: 'host',
  awaiting_admission: 'host',
  waitlisted: 'host',
  // Results and cancellations that a host's own system reports, recorded for it.
  enrolled: 'host',
  result_recorded: 'home',
};

/** States a component never leaves. */
export const FINAL_STATES: readonly ComponentState[] = [
  'rejected_by_host',
  'not_recognised',
  'registered',
  'withdrawn',
  'expired',
];

export function findTransition(
  from: ComponentState,
  event: ComponentEvent,
): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.event === event);
}

/** Every state a component can reach from `from` (itself included), following the table. */
export function reachableFrom(from: ComponentState): ReadonlySet<ComponentState> {
  const reached = new Set<ComponentState>([from]);
  for (const state of reached) {
    TRANSITIONS.filter((t) => t.from === state).forEach((t) => reached.add(t.to));
  }
  return reached;
}

/** Only an enrolled component, or one that was, can have a result, a recognition or registered credits. */
export const ENROLLED_OR_LATER = reachableFrom('enrolled');

/**
 * States in which a component no longer counts for its unit: refused, withdrawn, lapsed or not recognised.
 * Every other state is live, a draft included (a student composing a second draft of a unit already has a
 * duplicate), and so is 'registered': the unit was counted once. A student has at most one component per
 * offering outside these (the database's uq_components_live_offering, whose WHERE clause lists exactly these).
 */
export const ENDED_STATES: readonly ComponentState[] = [
  'rejected_by_exam_board',
  'rejected_by_host',
  'withdrawn',
  'expired',
  'not_recognised',
];

export function isEnded(state: ComponentState): boolean {
  return ENDED_STATES.includes(state);
}

export function isFinal(state: ComponentState): boolean {
  return FINAL_STATES.includes(state);
}

/** Six weeks: the term for an objection or an appeal against a decision (Awb art. 6:7, WHW art. 7.61). */
export const OBJECTION_TERM_DAYS = 42;

/**
 * The last day (an Amsterdam calendar date, yyyy-mm-dd) to object to or appeal a decision taken at `decidedAt`.
 * What the student is told and what the workflow enforces are this one date.
 */
export function objectionTermEnds(decidedAt: Date): string {
  return dutchDate(addDays(decidedAt, OBJECTION_TERM_DAYS));
}

/**
 * Settled: nothing more happens unless the student objects. A rejection by the exam board is settled but not
 * final, so a request whose components are all settled counts as completed.
 */
export function isSettled(state: ComponentState): boolean {
  return isFinal(state) || state === 'rejected_by_exam_board';
}

/** The request's overall status is derived from its components, never set on its own. */
export const REQUEST_STATUSES = ['draft', 'in_progress', 'completed', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export function deriveRequestStatus(states: readonly ComponentState[]): RequestStatus {
  const active = states.filter((s) => s !== 'withdrawn');
  if (active.length === 0) return 'withdrawn';
  if (active.every((s) => s === 'draft')) return 'draft';
  if (active.every(isSettled)) return 'completed';
  return 'in_progress';
}

/** The table as a Mermaid state diagram; README shows exactly this, and a test holds the two together. */
export function stateDiagram(): string {
  return [
    'stateDiagram-v2',
    '    [*] --> draft',
    ...TRANSITIONS.map((t) => `    ${t.from} --> ${t.to}: ${t.event} (${t.by.join(', ')})`),
    ...FINAL_STATES.map((s) => `    ${s} --> [*]`),
  ].join('\n');
}
