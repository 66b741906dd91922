export const ROLES = ['student', 'exam-board', 'host-admissions', 'registrar', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who a person is: their institution and the subject their institution's identity provider gives them. The
 * subject alone names no one: two issuers (SURFconext and an Entra ID tenant, two realms) may hand out the same.
 */
export interface PersonKey {
  institutionCode: string;
  id: string;
}

export function samePerson(a: PersonKey, b: PersonKey): boolean {
  return a.id === b.id && a.institutionCode === b.institutionCode;
}

/** Who is acting: taken from a verified bearer token, or the worker itself. */
export interface Actor extends PersonKey {
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
  /** A student of the home institution: with homeInstitutionCode, their PersonKey. */
  studentId: string;
  homeInstitutionCode: string;
  homeProgrammeCode: string;
  hostInstitutionCode: string;
  /** The student has submitted it: from here on the home side (exam board, registrar) sees it. */
  submitted: boolean;
  /** The exam board approved it, so it went to the host: from here on the host side sees it. */
  sentToHost: boolean;
}
