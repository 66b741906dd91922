/**
 * The states of an association (OOAPI v5 associationState) and what moves it between them: one table the
 * admissions service, the staff screen and the tests all read.
 */
export const ASSOCIATION_STATES = [
  'pending',
  'associated',
  'denied',
  'queued',
  'canceled',
] as const;
export type AssociationState = (typeof ASSOCIATION_STATES)[number];

/** What the admissions office does, and what the caller does when it withdraws (cancel). */
export const ADMISSION_ACTIONS = ['admit', 'deny', 'queue', 'cancel'] as const;
export type AdmissionAction = (typeof ADMISSION_ACTIONS)[number];

export const TRANSITIONS: Record<
  AdmissionAction,
  { from: AssociationState[]; to: AssociationState }
> = {
  admit: { from: ['pending', 'queued'], to: 'associated' },
  deny: { from: ['pending', 'queued'], to: 'denied' },
  queue: { from: ['pending'], to: 'queued' },
  cancel: { from: ['pending', 'queued', 'associated'], to: 'canceled' },
};

/** The state an action leads to from `state`, or undefined when the table does not allow it. */
export function nextState(
  state: AssociationState,
  action: AdmissionAction,
): AssociationState | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(state) ? transition.to : undefined;
}

/** The actions allowed from a state, in the table's order (the staff screen offers exactly these). */
export function actionsFrom(state: AssociationState): AdmissionAction[] {
  return ADMISSION_ACTIONS.filter((action) => nextState(state, action) !== undefined);
}

/** States that take a place in the offering: a new association beyond them is queued. */
export const HOLDS_A_PLACE: readonly AssociationState[] = ['pending', 'associated'];

/** A result may be recorded (and corrected) only for someone enrolled. */
export const MAY_HAVE_RESULT: readonly AssociationState[] = ['associated'];
