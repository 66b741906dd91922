import { ComponentEvent, ComponentState, Transition, findTransition } from './component-state';

/** The states of an OOAPI v5 association (an enrolment of a person in an offering) at the host's system. */
export const ASSOCIATION_STATES = [
  'pending',
  'associated',
  'denied',
  'queued',
  'canceled',
] as const;
export type AssociationState = (typeof ASSOCIATION_STATES)[number];

/** What each association state means for the component (README: the state mapping). */
export const COMPONENT_STATE_OF_ASSOCIATION: Record<AssociationState, ComponentState> = {
  pending: 'awaiting_admission',
  associated: 'enrolled',
  denied: 'rejected_by_host',
  queued: 'waitlisted',
  canceled: 'withdrawn',
};

/**
 * How the worker takes a component to where the host's system says the association is: the events it causes, in
 * order, on the host's behalf, from each state where that is possible. From any other state (already there, or
 * moved on: a result recorded, withdrawn by the student) the host's state changes nothing here. A test holds
 * every path to the state table and to COMPONENT_STATE_OF_ASSOCIATION.
 */
export const ASSOCIATION_STEPS: Record<
  AssociationState,
  Partial<Record<ComponentState, readonly ComponentEvent[]>>
> = {
  pending: { approved: ['deliver_to_host'] },
  associated: {
    approved: ['deliver_to_host', 'admit'],
    awaiting_admission: ['admit'],
    waitlisted: ['admit'],
  },
  queued: { approved: ['waitlist'], awaiting_admission: ['waitlist'] },
  denied: {
    approved: ['refuse_admission'],
    awaiting_admission: ['refuse_admission'],
    waitlisted: ['refuse_admission'],
  },
  canceled: {
    approved: ['deliver_to_host', 'cancel'],
    awaiting_admission: ['cancel'],
    waitlisted: ['cancel'],
    enrolled: ['cancel'],
  },
};

export function stepsToAssociationState(
  from: ComponentState,
  state: AssociationState,
): readonly ComponentEvent[] {
  return ASSOCIATION_STEPS[state][from] ?? [];
}

/** The association's state as Leerroutes sees the component, for answers to the host (a callback's 200). */
export function associationStateOf(state: ComponentState): AssociationState | undefined {
  switch (state) {
    case 'awaiting_admission':
      return 'pending';
    case 'waitlisted':
      return 'queued';
    case 'rejected_by_host':
      return 'denied';
    case 'withdrawn':
    case 'expired':
      return 'canceled';
    case 'enrolled':
    case 'result_recorded':
    case 'awaiting_recognition':
    case 'recognised':
    case 'not_recognised':
    case 'registered':
      return 'associated';
    case 'draft':
    case 'awaiting_approval':
    case 'rejected_by_exam_board':
    case 'approved':
      return undefined;
  }
}

/** Whether a transition's path is one the state table allows the worker, step by step. */
export function followsTable(
  from: ComponentState,
  events: readonly ComponentEvent[],
): ComponentState | undefined {
  let state: ComponentState | undefined = from;
  for (const event of events) {
    const transition: Transition | undefined = state && findTransition(state, event);
    if (!transition || !transition.by.includes('system')) return undefined;
    state = transition.to;
  }
  return state;
}
