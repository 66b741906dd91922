import { Party } from './component-state';

export const ROLES = ['student', 'exam-board', 'host-admissions', 'registrar', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: taken from a verified bearer token, or the worker itself. */
export interface Actor {
  id: string;
  role: Role | 'system';
  institutionCode: string;
  /** The student's programme, or the programmes an exam board decides for. Empty for other roles. */
  programmeCodes: string[];
  name: string;
  /** Where the call came from, for the audit log; absent for the worker's own jobs. */
  clientAddress?: string;
}

export const SYSTEM_ACTOR: Actor = {
  id: 'system',
  role: 'system',
  institutionCode: '-',
  programmeCodes: [],
  name: 'Leerroutes',
};

/** The facts of a component that decide who may act on it. */
export interface ComponentScope {
  studentId: string;
  homeInstitutionCode: string;
  homeProgrammeCode: string;
  hostInstitutionCode: string;
  /** The student has submitted it: from here on the home side (exam board, registrar) sees it. */
  submitted: boolean;
  /** The exam board approved it, so it went to the host: from here on the host side sees it. */
  sentToHost: boolean;
}

export function actsAs(actor: Actor, party: Party, scope: ComponentScope): boolean {
  switch (party) {
    case 'student':
      return actor.role === 'student' && actor.id === scope.studentId;
    case 'home-exam-board':
      return (
        actor.role === 'exam-board' &&
        actor.institutionCode === scope.homeInstitutionCode &&
        actor.programmeCodes.includes(scope.homeProgrammeCode)
      );
    case 'host-admissions':
      return (
        actor.role === 'host-admissions' && actor.institutionCode === scope.hostInstitutionCode
      );
    case 'host-registrar':
      return actor.role === 'registrar' && actor.institutionCode === scope.hostInstitutionCode;
    case 'home-registrar':
      return actor.role === 'registrar' && actor.institutionCode === scope.homeInstitutionCode;
    case 'admin':
      return (
        actor.role === 'admin' &&
        (actor.institutionCode === scope.homeInstitutionCode ||
          actor.institutionCode === scope.hostInstitutionCode)
      );
    case 'system':
      return actor.role === 'system';
  }
}

/**
 * Whether the actor may see the component at all: its student always, the home side once it is submitted, the
 * host side once the exam board has sent it there. Someone who may not see it gets 404, so that the existence
 * of another student's request does not leak; someone who sees it but may not act gets 403.
 */
export function canSee(actor: Actor, scope: ComponentScope): boolean {
  const home = actor.institutionCode === scope.homeInstitutionCode && scope.submitted;
  const host = actor.institutionCode === scope.hostInstitutionCode && scope.sentToHost;
  switch (actor.role) {
    case 'student':
      return actsAs(actor, 'student', scope);
    case 'exam-board':
      return actsAs(actor, 'home-exam-board', scope) && scope.submitted;
    case 'host-admissions':
      return host;
    case 'registrar':
    case 'admin':
      return home || host;
    case 'system':
      return true;
  }
}
