import {
  COMPONENT_EVENTS,
  COMPONENT_STATES,
  ENROLLED_OR_LATER,
  FINAL_STATES,
  TRANSITIONS,
  deriveRequestStatus,
  findTransition,
  isFinal,
} from './component-state';

describe('the component state table', () => {
  it.each(TRANSITIONS.map((t) => [t.from, t.event, t.to]))(
    'allows %s --%s--> %s',
    (from, event, to) => {
      expect(findTransition(from, event)?.to).toBe(to);
    },
  );

  const allowed = new Set(TRANSITIONS.map((t) => `${t.from}/${t.event}`));
  const forbidden = COMPONENT_STATES.flatMap((s) =>
    COMPONENT_EVENTS.map((e) => [s, e] as const),
  ).filter(([s, e]) => !allowed.has(`${s}/${e}`));

  it.each(forbidden)('refuses %s --%s-->', (state, event) => {
    expect(findTransition(state, event)).toBeUndefined();
  });

  it('has at most one target per state and event', () => {
    expect(allowed.size).toBe(TRANSITIONS.length);
  });

  it('never leaves a final state, and every other state has a way out', () => {
    for (const state of COMPONENT_STATES) {
      const outgoing = TRANSITIONS.filter((t) => t.from === state && t.to !== state);
      expect({ state, final: outgoing.length === 0 }).toEqual({ state, final: isFinal(state) });
    }
  });

  it('reaches every state from draft', () => {
    const reached = new Set<string>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...COMPONENT_STATES].sort());
  });

  it('knows which states come with or after enrolment', () => {
    expect([...ENROLLED_OR_LATER].sort()).toEqual([
      'awaiting_recognition',
      'enrolled',
      'not_recognised',
      'recognised',
      'registered',
      'result_recorded',
      // A host's own system may cancel an enrolment (over OOAPI): the component was enrolled.
      'withdrawn',
    ]);
  });

  it('lets the student withdraw exactly until the host has enrolled them', () => {
    const withdrawable = TRANSITIONS.filter((t) => t.event === 'withdraw').map((t) => t.from);
    expect(withdrawable.sort()).toEqual([
      'approved',
      'awaiting_admission',
      'awaiting_approval',
      'draft',
      'waitlisted',
    ]);
    expect(
      TRANSITIONS.filter((t) => t.event === 'withdraw').every((t) => t.by.join() === 'student'),
    ).toBe(true);
  });

  it('lists final states that the table agrees with', () => {
    expect(FINAL_STATES.every((s) => !TRANSITIONS.some((t) => t.from === s))).toBe(true);
  });
});

describe('the request status derived from its components', () => {
  it.each([
    [['draft', 'draft'], 'draft'],
    [['draft', 'withdrawn'], 'draft'],
    [['withdrawn', 'withdrawn'], 'withdrawn'],
    [['awaiting_approval', 'draft'], 'in_progress'],
    [['enrolled', 'rejected_by_host'], 'in_progress'],
    [['registered', 'rejected_by_host', 'withdrawn'], 'completed'],
    [['not_recognised'], 'completed'],
  ] as const)('%j → %s', (states, status) => {
    expect(deriveRequestStatus(states)).toBe(status);
  });
});
