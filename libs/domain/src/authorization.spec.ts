import { Actor, ComponentScope, ROLES } from './actor';
import {
  ACTIONS,
  PARTY_GRANTS,
  actsAs,
  canSee,
  authorize,
  grantedScopes,
  mayEverTake,
  permits,
  ruleOf,
  scopesOf,
  componentFacts,
  sideOfStep,
} from './authorization';
import { COMPONENT_EVENTS, SYSTEM_SIDE_FROM, TRANSITIONS } from './component-state';
import { DomainError } from './errors';

const person = (
  role: Actor['role'],
  institutionCode: string,
  id = 'x',
  programmeCodes: string[] = [],
): Actor => ({ id, role, institutionCode, programmeCodes, name: id });

const component: ComponentScope = {
  studentId: 'macca',
  homeInstitutionCode: 'uni-waal',
  homeProgrammeCode: 'msc-food',
  hostInstitutionCode: 'uni-ijssel',
  submitted: true,
  sentToHost: true,
};

describe('the authorization matrix and the state table', () => {
  const peopleEvents = COMPONENT_EVENTS.filter((e) =>
    TRANSITIONS.some((t) => t.event === e && t.by.some((p) => p !== 'system')),
  );

  it('has an action for every event a person may cause, and none for what only the system does', () => {
    const caused = ACTIONS.flatMap((a) => ruleOf(a).events ?? []);
    expect([...new Set(caused)].sort()).toEqual([...peopleEvents].sort());
  });

  it("grants each action that causes events exactly to those events' parties, in their scopes", () => {
    for (const action of ACTIONS.filter((a) => ruleOf(a).events)) {
      const parties = TRANSITIONS.filter((t) => ruleOf(action).events!.includes(t.event))
        .flatMap((t) => t.by)
        .filter((p) => p !== 'system');
      for (const role of ROLES) {
        const expected = parties
          .map((p) => PARTY_GRANTS[p])
          .filter((g) => g.role === role)
          .flatMap((g) => g.scopes);
        expect({ action, role, scopes: [...grantedScopes(action, role)].sort() }).toEqual({
          action,
          role,
          scopes: [...new Set(expected)].sort(),
        });
      }
    }
  });

  it('grants nothing to the system actor, whose jobs the state table alone governs', () => {
    expect(ACTIONS.filter((a) => grantedScopes(a, 'system').length > 0)).toEqual([]);
  });
});

describe('who acts for which side of a component, and who sees it', () => {
  it('ties each party to its role and scope', () => {
    expect(actsAs(person('student', 'uni-waal', 'macca'), 'student', component)).toBe(true);
    expect(actsAs(person('student', 'uni-waal', 'aurelie'), 'student', component)).toBe(false);
    expect(
      actsAs(person('exam-board', 'uni-waal', 'eb', ['msc-food']), 'home-exam-board', component),
    ).toBe(true);
    expect(
      actsAs(
        person('exam-board', 'uni-waal', 'eb', ['bsc-nutrition']),
        'home-exam-board',
        component,
      ),
    ).toBe(false);
    expect(
      actsAs(person('exam-board', 'uni-ijssel', 'eb', ['msc-food']), 'home-exam-board', component),
    ).toBe(false);
    expect(actsAs(person('host-admissions', 'uni-ijssel'), 'host-admissions', component)).toBe(
      true,
    );
    expect(actsAs(person('host-admissions', 'uni-waal'), 'host-admissions', component)).toBe(false);
    expect(actsAs(person('registrar', 'uni-ijssel'), 'host-registrar', component)).toBe(true);
    expect(actsAs(person('registrar', 'uni-ijssel'), 'home-registrar', component)).toBe(false);
    expect(actsAs(person('registrar', 'uni-waal'), 'home-registrar', component)).toBe(true);
  });

  it('shows a draft to its student only, and a component to the host only once it was approved', () => {
    const draft = { ...component, submitted: false, sentToHost: false };
    const submitted = { ...component, submitted: true, sentToHost: false };
    const board = person('exam-board', 'uni-waal', 'eb', ['msc-food']);
    expect(canSee(person('student', 'uni-waal', 'macca'), draft)).toBe(true);
    expect(canSee(board, draft)).toBe(false);
    expect(canSee(person('registrar', 'uni-waal'), draft)).toBe(false);
    expect(canSee(board, submitted)).toBe(true);
    expect(canSee(person('host-admissions', 'uni-ijssel'), submitted)).toBe(false);
    expect(canSee(person('registrar', 'uni-ijssel'), submitted)).toBe(false);
    expect(canSee(person('admin', 'uni-ijssel'), submitted)).toBe(false);
    expect(canSee(person('host-admissions', 'uni-ijssel'), component)).toBe(true);
  });

  it('lets only those involved see the component', () => {
    expect(canSee(person('registrar', 'uni-waal'), component)).toBe(true);
    expect(canSee(person('registrar', 'hs-westland'), component)).toBe(false);
    expect(canSee(person('admin', 'uni-ijssel'), component)).toBe(true);
    expect(canSee(person('admin', 'mbo-energie'), component)).toBe(false);
  });
});

describe('scopes: the relation between an actor and an object', () => {
  it('nests own programme within own institution, and tells the host apart', () => {
    const facts = componentFacts(component);
    expect(scopesOf(person('student', 'uni-waal', 'macca', ['msc-food']), facts)).toEqual([
      'own',
      'own-programme',
      'own-institution',
    ]);
    expect(scopesOf(person('student', 'uni-waal', 'mara', ['msc-food']), facts)).toEqual([
      'own-programme',
      'own-institution',
    ]);
    expect(scopesOf(person('exam-board', 'uni-waal', 'eb', ['bsc-nutrition']), facts)).toEqual([
      'own-institution',
    ]);
    expect(scopesOf(person('registrar', 'uni-ijssel'), facts)).toEqual(['host-institution']);
    expect(scopesOf(person('admin', 'hs-westland'), facts)).toEqual(['other']);
  });

  it('makes an object one’s own by institution and subject together, never by subject alone', () => {
    const facts = componentFacts(component);
    expect(scopesOf(person('student', 'mbo-energie', 'macca', ['installatie']), facts)).toEqual([
      'other',
    ]);
    expect(scopesOf(person('student', 'uni-ijssel', 'macca', ['msc-ds']), facts)).toEqual([
      'host-institution',
    ]);
  });

  it('leaves out a side that is not involved yet: a draft is its student’s alone', () => {
    const draft = componentFacts({ ...component, submitted: false, sentToHost: false });
    expect(scopesOf(person('exam-board', 'uni-waal', 'eb', ['msc-food']), draft)).toEqual([
      'other',
    ]);
    expect(scopesOf(person('student', 'uni-waal', 'macca', ['msc-food']), draft)).toEqual(['own']);
    const submitted = componentFacts({ ...component, sentToHost: false });
    expect(scopesOf(person('host-admissions', 'uni-ijssel'), submitted)).toEqual(['other']);
  });

  it('gives both sides to an institution that is home and host (learning route 4)', () => {
    const route4 = componentFacts({
      ...component,
      homeInstitutionCode: 'hs-delta',
      homeProgrammeCode: 'pabo',
      hostInstitutionCode: 'hs-delta',
    });
    const registrar = person('registrar', 'hs-delta');
    expect(scopesOf(registrar, route4)).toEqual(['own-institution', 'host-institution']);
    expect(permits('registrar', 'component.record-result', scopesOf(registrar, route4))).toBe(true);
    expect(permits('registrar', 'component.register', scopesOf(registrar, route4))).toBe(true);
  });
});

describe('refusals', () => {
  const refusal = (actor: Actor, action: Parameters<typeof authorize>[1]) => {
    try {
      authorize(actor, action, scopesOf(actor, componentFacts(component)), {
        kind: 'component',
        id: 'c1',
      });
      return 'allowed';
    } catch (error) {
      return (error as DomainError).kind;
    }
  };

  it('is 404 for who may not see the object, 403 for who sees it but may not act', () => {
    expect(refusal(person('exam-board', 'uni-waal', 'eb', ['msc-food']), 'component.approve')).toBe(
      'allowed',
    );
    expect(refusal(person('student', 'uni-waal', 'macca'), 'component.approve')).toBe('forbidden');
    expect(refusal(person('registrar', 'uni-waal'), 'component.record-result')).toBe('forbidden');
    expect(
      refusal(person('exam-board', 'uni-waal', 'eb', ['bsc-nutrition']), 'component.approve'),
    ).toBe('not-found');
    expect(refusal(person('student', 'uni-waal', 'aurelie'), 'request.withdraw')).toBe('not-found');
    expect(refusal(person('admin', 'uni-ijssel'), 'component.redeliver')).toBe('allowed');
  });

  it('lets the guard refuse a role that has no scope at all for an action', () => {
    expect(mayEverTake('student', 'component.approve')).toBe(false);
    expect(mayEverTake('exam-board', 'component.approve')).toBe(true);
    expect(mayEverTake('registrar', 'audit.read')).toBe(false);
    expect(mayEverTake('student', 'health.read')).toBe(true);
  });

  describe('which side took a step of the timeline', () => {
    const step = (event: string, from: string, actorRole: string, institution = 'hs-delta') =>
      sideOfStep({ event, from, actorRole, actorInstitutionCode: institution }, 'hs-delta');

    it('says for every system step of the state table which side the worker acts for', () => {
      const systemFrom = TRANSITIONS.filter((t) => t.by.includes('system')).map((t) => t.from);
      expect(systemFrom.filter((from) => SYSTEM_SIDE_FROM[from] === undefined)).toEqual([]);
    });

    it('tells the sides apart within one institution (route 4) by party, not by institution', () => {
      expect(step('create', 'none', 'student')).toBe('home');
      expect(step('submit', 'draft', 'student')).toBe('home');
      expect(step('approve', 'awaiting_approval', 'exam-board')).toBe('home');
      expect(step('deliver_to_host', 'approved', 'system')).toBe('host');
      expect(step('waitlist', 'approved', 'system')).toBe('host');
      expect(step('expire', 'waitlisted', 'system')).toBe('host');
      expect(step('admit', 'awaiting_admission', 'host-admissions')).toBe('host');
      expect(step('record_result', 'enrolled', 'registrar')).toBe('host');
      expect(step('refer_to_exam_board', 'result_recorded', 'system')).toBe('home');
      expect(step('recognise', 'awaiting_recognition', 'exam-board')).toBe('home');
      expect(step('register', 'recognised', 'registrar')).toBe('home');
      expect(step('redeliver', 'approved', 'admin')).toBe('host');
      expect(step('redeliver', 'approved', 'admin', 'uni-waal')).toBe('home');
    });
  });
});
