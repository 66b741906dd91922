import { Actor, ComponentScope, PersonKey, ROLES, Role, samePerson } from './actor';
import {
  ComponentEvent,
  ComponentState,
  Party,
  SIDE_OF_PARTY,
  SYSTEM_SIDE_FROM,
  Side,
  TRANSITIONS,
  findTransition,
} from './component-state';
import { NotFoundSubject } from './error-codes';
import { ForbiddenError, NotFoundError } from './errors';

/**
 * Who may do what, as one declared matrix: role × action × scope. The API's guard refuses a role that has no
 * scope at all for an action; the use cases ask it with the actor's scope to the object; the HTTP test walks it.
 *
 * A scope is the actor's relation to the object of an action:
 * - own: it is theirs (their request, their credit record, their notification, themselves);
 * - own-programme: it concerns a student of a programme they are part of (a student's own, an exam board's);
 * - own-institution: it concerns a student of their institution (the home side);
 * - host-institution: it concerns a component hosted at their institution. Host staff act on other
 *   institutions' students (admissions admit them, registrars record their results): their relation is to the
 *   component, not to the student, so it is a scope of its own;
 * - other: none of these.
 * More than one can hold at once: an exam board's programme is within its institution, and within one
 * institution (learning route 4) the home is also the host.
 */
export const SCOPES = [
  'own',
  'own-programme',
  'own-institution',
  'host-institution',
  'other',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What an action is about, and so how the actor's scope to it is found. Someone who may not see the object of
 * an action learns nothing about it, not even that it exists (404); seeing it is the permission of its
 * read action (VISIBLE_THROUGH).
 */
export type Subject =
  /** No bearer token needed: health, development sign-in. */
  | 'anyone'
  /** What every institution publishes: institutions, programmes, offerings. */
  | 'catalogue'
  /** The actor themselves, or what is theirs by definition (their requests, their data). */
  | 'self'
  /** A request and its components. */
  | 'request'
  /** A student's credit record. */
  | 'student'
  /** A notification, which is its recipient's alone. */
  | 'notification'
  /** A list of work that awaits the actor; the scopes say which items it holds. */
  | 'work'
  /** An institution's student register, which names no institution: always the actor's own. */
  | 'register'
  /**
   * An offering as its institution keeps it: its own institution's people may change it. Anyone signed in may
   * see it (the catalogue, by id, closed ones included), so someone else is refused, not told it is unknown.
   */
  | 'offering';

type Grants = Partial<Record<Role, readonly Scope[]>>;

interface ActionRule {
  subject: Subject;
  grants: Grants;
  /** The state-table events the action causes; its grants are derived from their parties. */
  events?: readonly ComponentEvent[];
}

/**
 * How each party of the state table (libs/domain/src/component-state.ts) is a role in a scope. The grants of
 * every action that causes events are derived from TRANSITIONS through this, so the state table stays the one
 * place that says who may cause an event.
 */
export const PARTY_GRANTS: Record<Exclude<Party, 'system'>, { role: Role; scopes: Scope[] }> = {
  student: { role: 'student', scopes: ['own'] },
  'home-exam-board': { role: 'exam-board', scopes: ['own-programme'] },
  'host-admissions': { role: 'host-admissions', scopes: ['host-institution'] },
  'host-registrar': { role: 'registrar', scopes: ['host-institution'] },
  'home-registrar': { role: 'registrar', scopes: ['own-institution'] },
  // An application administrator of either side: they send again what failed on its way between the two.
  admin: { role: 'admin', scopes: ['own-institution', 'host-institution'] },
};

/** The grants for causing these events: the parties the state table names for them. */
function grantsOf(...events: ComponentEvent[]): Grants {
  const grants: Record<string, Scope[]> = {};
  for (const t of TRANSITIONS.filter((t) => events.includes(t.event))) {
    for (const party of t.by) {
      if (party === 'system') continue;
      const { role, scopes } = PARTY_GRANTS[party];
      grants[role] = [...new Set([...(grants[role] ?? []), ...scopes])];
    }
  }
  return grants;
}

/** An action on a component (or all of a request's) that causes these events of the state table. */
function causing(...events: ComponentEvent[]): ActionRule {
  return { subject: 'request', grants: grantsOf(...events), events };
}

const everyRole = (scopes: readonly Scope[]): Grants =>
  Object.fromEntries(ROLES.map((role) => [role, scopes]));

const HOME_AND_HOST: readonly Scope[] = ['own-institution', 'host-institution'];

export const AUTHORIZATION = {
  'health.read': { subject: 'anyone', grants: {} },
  'sign-in.institutions': { subject: 'anyone', grants: {} },
  'dev.people': { subject: 'anyone', grants: {} },
  'dev.token': { subject: 'anyone', grants: {} },
  'me.read': { subject: 'self', grants: everyRole(['own']) },
  // The AVG right of access is the data subject's: a student's, of their own data.
  'me.export': { subject: 'self', grants: { student: ['own'] } },
  'catalogue.read': { subject: 'catalogue', grants: everyRole(SCOPES) },
  // The same catalogue as OOAPI v5 courses and offerings, for other platforms (eduXchange, say), which have no
  // one signed in here: what institutions publish anyway, with no person in it.
  'ooapi.catalogue.read': { subject: 'anyone', grants: {} },
  // A request is always its student's own; the offerings it names are the public catalogue's.
  'request.create': { subject: 'self', grants: { student: ['own'] } },
  'request.list': { subject: 'self', grants: { student: ['own'] } },
  // The student from the start, the home side once submitted, the host once a component was sent there:
  // scopesOf leaves out a side that is not involved yet.
  'request.read': {
    subject: 'request',
    grants: {
      student: ['own'],
      'exam-board': ['own-programme'],
      'host-admissions': ['host-institution'],
      registrar: HOME_AND_HOST,
      admin: HOME_AND_HOST,
    },
  },
  'request.submit': causing('submit'),
  'request.withdraw': causing('withdraw'),
  'component.withdraw': causing('withdraw'),
  'component.object': causing('object'),
  'component.approve': causing('approve', 'reject'),
  'component.admit': causing('admit', 'refuse_admission', 'waitlist'),
  'component.record-result': causing('record_provisional_result', 'record_result'),
  'component.recognise': causing('recognise', 'refuse_recognition'),
  'component.register': causing('register'),
  'component.redeliver': causing('redeliver'),
  // Each inbox holds what awaits its reader's decision: exactly where they may decide.
  'inbox.exam-board': {
    subject: 'work',
    grants: grantsOf('approve', 'reject', 'recognise', 'refuse_recognition'),
  },
  'inbox.admissions': {
    subject: 'work',
    grants: grantsOf('admit', 'refuse_admission', 'waitlist'),
  },
  'inbox.results': { subject: 'work', grants: grantsOf('record_result') },
  'inbox.registrations': { subject: 'work', grants: grantsOf('register') },
  // Whether someone is a student here is itself personal data: those who may not read the record learn nothing.
  'credit-record.read': {
    subject: 'student',
    grants: { student: ['own'], registrar: ['own-institution'], admin: ['own-institution'] },
  },
  'notification.list': { subject: 'notification', grants: everyRole(['own']) },
  'notification.mark-read': { subject: 'notification', grants: everyRole(['own']) },
  // A host's admin reads what the host's people (and the system, for the host) did, not the home side's
  // decisions: the audit log records who acted, so that is its host-institution scope.
  'audit.read': {
    subject: 'request',
    grants: { 'exam-board': ['own-programme'], admin: HOME_AND_HOST },
  },
  'delivery-failure.list': { subject: 'work', grants: grantsOf('redeliver') },
  // The students an institution keeps in Leerroutes itself (what its in-app system answers from) are kept by its
  // own administration: its admins, in their own institution's register, the only one they can name.
  'student-register.read': { subject: 'register', grants: { admin: ['own-institution'] } },
  'student-register.write': { subject: 'register', grants: { admin: ['own-institution'] } },
  // An institution that works in Leerroutes keeps its own catalogue: its admins list its offerings (closed ones
  // too, with the places taken) and create, change, close and reopen them; nobody touches another's.
  'offering.list': { subject: 'offering', grants: { admin: ['own-institution'] } },
  'offering.write': { subject: 'offering', grants: { admin: ['own-institution'] } },
  // An institution whose own system keeps its catalogue: its admins see how the synchronisations went and ask
  // for one now. Which institutions take part so is public, so another's admin is refused, not told it is unknown.
  'catalogue-sync.list': { subject: 'offering', grants: { admin: ['own-institution'] } },
  'catalogue-sync.request': { subject: 'offering', grants: { admin: ['own-institution'] } },
} satisfies Record<string, ActionRule>;

export type ActionName = keyof typeof AUTHORIZATION;
export const ACTIONS = Object.keys(AUTHORIZATION) as ActionName[];

const RULES: Record<ActionName, ActionRule> = AUTHORIZATION;

/** The action whose permission means the actor may see an object of this subject at all. */
export const VISIBLE_THROUGH: Partial<Record<Subject, ActionName>> = {
  request: 'request.read',
  student: 'credit-record.read',
  notification: 'notification.list',
  offering: 'catalogue.read',
};

export function ruleOf(action: ActionName): ActionRule {
  return RULES[action];
}

export function isPublicAction(action: ActionName): boolean {
  return RULES[action].subject === 'anyone';
}

/** The scopes in which a role may take an action; empty when it may never take it. */
export function grantedScopes(action: ActionName, role: Actor['role']): readonly Scope[] {
  return role === 'system' ? [] : (RULES[action].grants[role] ?? []);
}

/** Whether a role may take the action in some scope: what the API's guard asks before any handler runs. */
export function mayEverTake(role: Actor['role'], action: ActionName): boolean {
  return isPublicAction(action) || grantedScopes(action, role).length > 0;
}

export function permits(
  role: Actor['role'],
  action: ActionName,
  scopes: readonly Scope[],
): boolean {
  return isPublicAction(action) || grantedScopes(action, role).some((s) => scopes.includes(s));
}

/**
 * The facts of an object that decide an actor's scope to it. A side that is not involved (yet) is left out:
 * see componentFacts.
 */
export interface ObjectFacts {
  /** The student of a request or credit record, the recipient of a notification, the actor themselves. */
  owner: PersonKey;
  home?: { institutionCode: string; programmeCode: string };
  hostInstitutionCode?: string;
}

/** Every scope that holds between the actor and the object; ['other'] when none does. */
export function scopesOf(actor: Actor, facts: ObjectFacts): Scope[] {
  const scopes: Scope[] = [];
  if (samePerson(actor, facts.owner)) scopes.push('own');
  if (facts.home && actor.institutionCode === facts.home.institutionCode) {
    if (actor.programmeCodes.includes(facts.home.programmeCode)) scopes.push('own-programme');
    scopes.push('own-institution');
  }
  if (actor.institutionCode === facts.hostInstitutionCode) scopes.push('host-institution');
  return scopes.length > 0 ? scopes : ['other'];
}

/**
 * A component's facts as far as each side is involved: a draft is its student's alone, the home side is
 * involved once the student submitted it, the host once the exam board approved it and so sent it there.
 */
export function componentFacts(component: ComponentScope): ObjectFacts {
  return {
    owner: { institutionCode: component.homeInstitutionCode, id: component.studentId },
    home: component.submitted
      ? {
          institutionCode: component.homeInstitutionCode,
          programmeCode: component.homeProgrammeCode,
        }
      : undefined,
    hostInstitutionCode: component.sentToHost ? component.hostInstitutionCode : undefined,
  };
}

/**
 * Refuses an action on an object: 404 when the actor may not see the object (its existence must not leak),
 * 403 when they see it but may not take the action. Callers check this before anything about the object's
 * state, so a 403 always comes before a 409.
 */
export function authorize(
  actor: Actor,
  action: ActionName,
  scopes: readonly Scope[],
  object: { kind: NotFoundSubject; id: string },
): void {
  if (permits(actor.role, action, scopes)) return;
  const seeing = VISIBLE_THROUGH[RULES[action].subject];
  if (seeing && !permits(actor.role, seeing, scopes))
    throw new NotFoundError(object.kind, object.id);
  throw new ForbiddenError(`A ${actor.role} may not '${action}' here.`);
}

/** The object, when it exists and the actor may take the action on it; else authorize's 404 or 403. */
export function authorizeObject<T>(
  actor: Actor,
  action: ActionName,
  object: T | null,
  factsOf: (object: T) => ObjectFacts,
  ref: { kind: NotFoundSubject; id: string },
): T {
  if (object === null) throw new NotFoundError(ref.kind, ref.id);
  authorize(actor, action, scopesOf(actor, factsOf(object)), ref);
  return object;
}

/** Refuses (403) a role that may take the action in no scope at all: what the API's guard asks first. */
export function authorizeRole(actor: Actor, action: ActionName): void {
  if (!mayEverTake(actor.role, action)) {
    throw new ForbiddenError(`A ${actor.role} may not '${action}'.`);
  }
}

/** For an action on what is the actor's own by definition: themselves, their requests, their data. */
export function authorizeOwn(actor: Actor, action: ActionName): void {
  authorize(actor, action, ['own'], { kind: 'person', id: actor.id });
}

/** Whether the actor acts as this party of the state table on the component. */
export function actsAs(actor: Actor, party: Party, component: ComponentScope): boolean {
  if (party === 'system') return actor.role === 'system';
  const { role, scopes } = PARTY_GRANTS[party];
  return (
    actor.role === role &&
    scopesOf(actor, componentFacts(component)).some((s) => scopes.includes(s))
  );
}

/**
 * Whether the actor may see the component at all. Someone who may not see it gets 404, so that the existence
 * of another student's request does not leak; someone who sees it but may not act gets 403. The worker's jobs
 * see every component: the state table still decides what they may cause.
 */
export function canSee(actor: Actor, component: ComponentScope): boolean {
  return (
    actor.role === 'system' ||
    permits(actor.role, 'request.read', scopesOf(actor, componentFacts(component)))
  );
}

/** One step of a component's history, as the timeline records it. */
export interface Step {
  /** A state-table event, or 'create', which opens the timeline. */
  event: string;
  /** The state the step started from ('none' for the creation). */
  from: string;
  actorRole: string;
  actorInstitutionCode: string;
}

/**
 * Which side took a step: the party the state table names for it, the worker by the state it acted in, an admin
 * by their institution. The institution alone cannot tell: within one institution (learning route 4) home and
 * host are the same, yet a host's staff may not read the home side's steps (the student's motivation, the exam
 * board's decisions). What the table does not name (the creation) is the home side's.
 */
export function sideOfStep(step: Step, hostInstitutionCode: string): Side {
  if (step.actorRole === 'system') return SYSTEM_SIDE_FROM[step.from as ComponentState] ?? 'home';
  if (step.actorRole === 'admin') {
    return step.actorInstitutionCode === hostInstitutionCode ? 'host' : 'home';
  }
  const party = findTransition(step.from as ComponentState, step.event as ComponentEvent)?.by.find(
    (p): p is keyof typeof SIDE_OF_PARTY =>
      p !== 'system' && p !== 'admin' && PARTY_GRANTS[p].role === step.actorRole,
  );
  return party ? SIDE_OF_PARTY[party] : 'home';
}
