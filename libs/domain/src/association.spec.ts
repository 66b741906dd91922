import {
  ASSOCIATION_STATES,
  ASSOCIATION_STEPS,
  COMPONENT_STATE_OF_ASSOCIATION,
  associationStateOf,
  followsTable,
  stepsToAssociationState,
} from './association';
import { ComponentState } from './component-state';

describe("a host system's association state, applied to the component", () => {
  it.each(ASSOCIATION_STATES)(
    '%s: every path is the state table’s, by the system, and ends where the mapping says',
    (state) => {
      for (const [from, events] of Object.entries(ASSOCIATION_STEPS[state])) {
        expect({ from, reached: followsTable(from as ComponentState, events) }).toEqual({
          from,
          reached: COMPONENT_STATE_OF_ASSOCIATION[state],
        });
      }
    },
  );

  it('changes nothing once the component is there or has moved on', () => {
    expect(stepsToAssociationState('enrolled', 'associated')).toEqual([]);
    expect(stepsToAssociationState('result_recorded', 'associated')).toEqual([]);
    expect(stepsToAssociationState('withdrawn', 'canceled')).toEqual([]);
    expect(stepsToAssociationState('waitlisted', 'pending')).toEqual([]);
  });

  it('answers the host with the state the component stands for', () => {
    for (const state of ASSOCIATION_STATES) {
      expect(associationStateOf(COMPONENT_STATE_OF_ASSOCIATION[state])).toBe(state);
    }
  });
});
