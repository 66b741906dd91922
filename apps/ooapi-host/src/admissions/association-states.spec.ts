import { ASSOCIATION_STATES, actionsFrom, nextState } from './association-states';

describe('the association state table', () => {
  it('lets the admissions office admit, deny or queue a pending association', () => {
    expect(actionsFrom('pending')).toEqual(['admit', 'deny', 'queue', 'cancel']);
    expect(nextState('pending', 'admit')).toBe('associated');
    expect(nextState('pending', 'deny')).toBe('denied');
    expect(nextState('pending', 'queue')).toBe('queued');
  });

  it('admits or denies from the waiting list, and cancels an enrolment but not a refusal', () => {
    expect(nextState('queued', 'admit')).toBe('associated');
    expect(nextState('queued', 'deny')).toBe('denied');
    expect(nextState('associated', 'cancel')).toBe('canceled');
    expect(nextState('denied', 'cancel')).toBeUndefined();
    expect(nextState('associated', 'deny')).toBeUndefined();
  });

  it('ends in denied and canceled: nothing leaves them', () => {
    expect(actionsFrom('denied')).toEqual([]);
    expect(actionsFrom('canceled')).toEqual([]);
    expect(ASSOCIATION_STATES.filter((s) => actionsFrom(s).length === 0)).toEqual([
      'denied',
      'canceled',
    ]);
  });
});
