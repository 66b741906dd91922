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
    case 'system':
      return actor.role === 'system';
  }
}

/**
 * Whether the actor may see the component at all. Someone who may not see it gets 404, so that the existence
 * of another student's request does not leak; someone who sees it but may not act gets 403.
 */
export function canSee(actor: Actor, scope: ComponentScope): boolean {
  switch (actor.role) {
    case 'student':
      return actsAs(actor, 'student', scope);
    case 'exam-board':
      return actsAs(actor, 'home-exam-board', scope);
    case 'host-admissions':
      return actsAs(actor, 'host-admissions', scope);
    case 'registrar':
      return actsAs(actor, 'host-registrar', scope) || actsAs(actor, 'home-registrar', scope);
    case 'admin':
      return (
        actor.institutionCode === scope.homeInstitutionCode ||
        actor.institutionCode === scope.hostInstitutionCode
      );
    case 'system':
      return true;
  }
}
