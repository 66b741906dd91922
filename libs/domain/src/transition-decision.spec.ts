import { Actor, ComponentScope, SYSTEM_ACTOR } from './actor';
import {
  COMPONENT_EVENTS,
  COMPONENT_STATES,
  ComponentState,
  Party,
  TRANSITIONS,
  findTransition,
} from './component-state';
import { ForbiddenError, IllegalTransitionError, StaleVersionError } from './errors';
import { AUDIENCES_OF_EVENT } from './notification-rules';
import {
  ComponentSnapshot,
  TransitionCommand,
  decideTransition,
  startOfNextDutchDay,
} from './index';

const settings = { decisionReminderDays: 5 };
const due = new Date('2027-02-01T12:00:00Z');

const scope: ComponentScope = {
  studentId: 'stu-1',
  homeInstitutionCode: 'home',
  homeProgrammeCode: 'prog',
  hostInstitutionCode: 'host',
  submitted: true,
  sentToHost: true,
};

function snapshot(
  state: ComponentState,
  extra: Partial<ComponentSnapshot> = {},
): ComponentSnapshot {
  return {
    id: 'c-1',
    requestId: 'r-1',
    state,
    version: 7,
    scope,
    decisionDueAt: due,
    enrolmentDeadline: '2027-03-01',
    associationId: null,
    associationState: null,
    associationRequestedAt: null,
    siblingStates: [],
    ...extra,
  };
}

const person = (role: Actor['role'], institutionCode: string, id = 'p-1'): Actor => ({
  id,
  role,
  institutionCode,
  programmeCodes: role === 'exam-board' ? ['prog'] : [],
  name: 'A. Person',
});

/** Somebody who acts as each party of the state table for the component of `scope`. */
const ACTOR_OF: Record<Party, Actor> = {
  student: person('student', 'home', 'stu-1'),
  'home-exam-board': person('exam-board', 'home'),
  'host-admissions': person('host-admissions', 'host'),
  'host-registrar': person('registrar', 'host'),
  'home-registrar': person('registrar', 'home'),
  admin: person('admin', 'home'),
  system: SYSTEM_ACTOR,
};

const decide = (
  state: ComponentState,
  command: TransitionCommand,
  extra?: Partial<ComponentSnapshot>,
) => decideTransition(snapshot(state, extra), command, settings);

describe('decideTransition', () => {
  describe('against the whole state table', () => {
    it.each(TRANSITIONS.flatMap((t) => t.by.map((party) => [t.from, t.event, party] as const)))(
      "%s --%s--> by %s: the table's state, one version on, its history and who is told",
      (from, event, party) => {
        const actor = ACTOR_OF[party];
        const decision = decide(from, { event, actor, motivation: 'why' });
        const expected = findTransition(from, event)!;
        expect(decision).toMatchObject({
          from,
          to: expected.to,
          fromVersion: 7,
          toVersion: 8,
          event,
          actor,
          motivation: 'why',
          componentId: 'c-1',
          requestId: 'r-1',
        });
        // Everyone may see a submitted component that was sent to the host: the event's audiences, all of them.
        expect(decision.audiences).toEqual(AUDIENCES_OF_EVENT[event]);
      },
    );

    const notInTable = COMPONENT_STATES.flatMap((state) =>
      COMPONENT_EVENTS.filter((event) => !findTransition(state, event)).map(
        (event) => [state, event] as const,
      ),
    );
    it.each(notInTable)(
      '%s --%s-->: not in the table, refused as illegal (409)',
      (state, event) => {
        // Someone who may cause the event elsewhere in the table: the refusal is about the state.
        const party = TRANSITIONS.find((t) => t.event === event)!.by[0];
        expect(() => decide(state, { event, actor: ACTOR_OF[party] })).toThrow(
          IllegalTransitionError,
        );
      },
    );

    it.each(COMPONENT_EVENTS.map((event) => [event] as const))(
      "'%s' by someone the table never names for it: 403, before anything about the version",
      (event) => {
        const named = new Set(TRANSITIONS.filter((t) => t.event === event).flatMap((t) => t.by));
        const outsider = (Object.keys(ACTOR_OF) as Party[]).find((p) => !named.has(p))!;
        const from = TRANSITIONS.find((t) => t.event === event)!.from;
        expect(() =>
          decide(from, { event, actor: ACTOR_OF[outsider], expectedVersion: 1 }),
        ).toThrow(ForbiddenError);
      },
    );
  });

  it('refuses a decision taken on a stale view (409 with the current version)', () => {
    const board = ACTOR_OF['home-exam-board'];
    expect(() =>
      decide('awaiting_approval', { event: 'approve', actor: board, expectedVersion: 6 }),
    ).toThrow(StaleVersionError);
    expect(
      decide('awaiting_approval', { event: 'approve', actor: board, expectedVersion: 7 }).to,
    ).toBe('approved');
  });

  it('refuses a party acting on a component outside its scope', () => {
    const otherBoard = { ...ACTOR_OF['home-exam-board'], programmeCodes: ['other'] };
    expect(() => decide('awaiting_approval', { event: 'approve', actor: otherBoard })).toThrow(
      ForbiddenError,
    );
  });

  describe('timers', () => {
    it('a submission starts the decision term: a reminder before it ends and the overdue notice when it does', () => {
      const decisionDueAt = new Date('2027-01-15T09:00:00Z');
      const decision = decide(
        'draft',
        { event: 'submit', actor: ACTOR_OF.student, changes: { decisionDueAt } },
        { decisionDueAt: null, scope: { ...scope, submitted: false, sentToHost: false } },
      );
      expect(decision.timersCleared).toEqual([]);
      expect(decision.timersSet).toEqual([
        {
          name: 'timer.decision-reminder',
          side: 'home',
          version: 8,
          runAt: new Date('2027-01-10T09:00:00Z'),
        },
        { name: 'timer.decision-overdue', side: 'home', version: 8, runAt: decisionDueAt },
      ]);
    });

    it('the decision clears the term of the version it leaves', () => {
      const decision = decide('awaiting_approval', {
        event: 'approve',
        actor: ACTOR_OF['home-exam-board'],
      });
      expect(decision.timersCleared).toEqual([
        { name: 'timer.decision-reminder', side: 'home', version: 7 },
        { name: 'timer.decision-overdue', side: 'home', version: 7 },
      ]);
      expect(decision.timersSet).toEqual([]);
    });

    it('the host holds it until the day after its enrolment deadline, then it expires', () => {
      const delivered = decide('approved', { event: 'deliver_to_host', actor: SYSTEM_ACTOR });
      expect(delivered.timersSet).toEqual([
        {
          name: 'timer.enrolment-deadline',
          side: 'host',
          version: 8,
          runAt: startOfNextDutchDay('2027-03-01'),
        },
      ]);
      const admitted = decide('waitlisted', { event: 'admit', actor: ACTOR_OF['host-admissions'] });
      expect(admitted.timersCleared).toEqual([
        { name: 'timer.enrolment-deadline', side: 'host', version: 7 },
      ]);
      expect(admitted.timersSet).toEqual([]);
    });
  });

  describe('the job that takes the next step', () => {
    const jobsOf = (
      state: ComponentState,
      command: TransitionCommand,
      extra?: Partial<ComponentSnapshot>,
    ) => decide(state, command, extra).jobs;

    it('an approval sends the component to its host; a final result travels home', () => {
      expect(
        jobsOf('awaiting_approval', { event: 'approve', actor: ACTOR_OF['home-exam-board'] }),
      ).toEqual([{ name: 'admission.deliver-request', side: 'host', version: 8 }]);
      expect(
        jobsOf('enrolled', { event: 'record_result', actor: ACTOR_OF['host-registrar'] }),
      ).toEqual([{ name: 'result.deliver-home', side: 'home', version: 8 }]);
    });

    it("a failed delivery waits; an admin's redelivery asks for it again, at the new version", () => {
      expect(jobsOf('approved', { event: 'delivery_failed', actor: SYSTEM_ACTOR })).toEqual([]);
      expect(jobsOf('approved', { event: 'redeliver', actor: ACTOR_OF.admin })).toEqual([
        { name: 'admission.deliver-request', side: 'host', version: 8 },
      ]);
    });

    it('a provisional result or a decision that leaves the system nothing to do asks for no job', () => {
      expect(
        jobsOf('enrolled', {
          event: 'record_provisional_result',
          actor: ACTOR_OF['host-registrar'],
        }),
      ).toEqual([]);
      expect(
        jobsOf('awaiting_admission', { event: 'admit', actor: ACTOR_OF['host-admissions'] }),
      ).toEqual([]);
    });

    const cancel = [{ name: 'association.cancel', side: 'host', version: 8 }];
    it.each([
      [
        'withdrawn with an association',
        'awaiting_admission',
        'withdraw',
        { associationId: 'a-1' },
        cancel,
      ],
      [
        'withdrawn after asking, no answer',
        'approved',
        'withdraw',
        { associationRequestedAt: due },
        cancel,
      ],
      ['expired with an association', 'waitlisted', 'expire', { associationId: 'a-1' }, cancel],
      ['withdrawn, no association', 'awaiting_admission', 'withdraw', {}, []],
      ['canceled by the host itself', 'enrolled', 'cancel', { associationId: 'a-1' }, []],
      [
        'already canceled there',
        'awaiting_admission',
        'withdraw',
        { associationId: 'a-1', associationState: 'canceled' as const },
        [],
      ],
      [
        'refused, not ended there',
        'awaiting_admission',
        'refuse_admission',
        { associationId: 'a-1' },
        [],
      ],
    ] as const)(
      "the host's association is canceled there: %s",
      (_, state, event, extra, expected) => {
        const party = findTransition(state, event)!.by[0];
        expect(jobsOf(state, { event, actor: ACTOR_OF[party] }, extra)).toEqual(expected);
      },
    );
  });

  describe('who is told', () => {
    it('nobody at the home side or the host before they may see the component', () => {
      const draft = { ...scope, submitted: false, sentToHost: false };
      const decision = decide(
        'draft',
        { event: 'withdraw', actor: ACTOR_OF.student },
        { scope: draft },
      );
      expect(decision.audiences).toEqual([]);
    });

    it('the host once the approval sends it there, in the same decision', () => {
      const home = { ...scope, sentToHost: false };
      const approved = decide(
        'awaiting_approval',
        {
          event: 'approve',
          actor: ACTOR_OF['home-exam-board'],
          changes: { approvalReference: 'B/1' },
        },
        { scope: home },
      );
      expect(approved.scopeAfter.sentToHost).toBe(true);
      const withdrawn = decide(
        'awaiting_approval',
        { event: 'withdraw', actor: ACTOR_OF.student },
        { scope: home },
      );
      expect(withdrawn.audiences).toEqual(['home-exam-board']);
    });

    it('the first submission marks the request submitted', () => {
      const draft = { ...scope, submitted: false, sentToHost: false };
      const submitted = decide(
        'draft',
        { event: 'submit', actor: ACTOR_OF.student, changes: { decisionDueAt: due } },
        { scope: draft },
      );
      expect(submitted).toMatchObject({ marksSubmitted: true, audiences: ['home-exam-board'] });
    });
  });

  it("derives the request's status from all its components as they will be", () => {
    const board = ACTOR_OF['home-exam-board'];
    expect(decide('awaiting_approval', { event: 'reject', actor: board }).requestStatus).toBe(
      'completed',
    );
    expect(
      decide(
        'awaiting_approval',
        { event: 'reject', actor: board },
        { siblingStates: ['enrolled'] },
      ).requestStatus,
    ).toBe('in_progress');
    expect(
      decide(
        'draft',
        { event: 'withdraw', actor: ACTOR_OF.student },
        { siblingStates: ['withdrawn'] },
      ).requestStatus,
    ).toBe('withdrawn');
  });

  it("an admission that takes one of the offering's places says so, for the writer to take it or change nothing", () => {
    const admissions = ACTOR_OF['host-admissions'];
    expect(
      decide('awaiting_admission', { event: 'admit', actor: admissions, takesPlace: true })
        .takesPlace,
    ).toBe(true);
    expect(decide('awaiting_admission', { event: 'admit', actor: admissions }).takesPlace).toBe(
      false,
    );
  });

  it('an objection brings an ended component back to life, and says so (one live component per offering)', () => {
    const objection = decide('rejected_by_exam_board', {
      event: 'object',
      actor: ACTOR_OF.student,
    });
    expect(objection).toMatchObject({ to: 'awaiting_approval', revives: true });
    expect(
      decide('awaiting_approval', { event: 'reject', actor: ACTOR_OF['home-exam-board'] }).revives,
    ).toBe(false);
  });
});
