/**
 * The parts of OOAPI v5 messages Leerroutes reads and writes, as TypeScript sees them. The validator holds them to
 * the published document; these types only name what the code uses.
 */
export type AssociationState = 'pending' | 'associated' | 'denied' | 'queued' | 'canceled';
export const ASSOCIATION_STATES: readonly AssociationState[] = [
  'pending',
  'associated',
  'denied',
  'queued',
  'canceled',
];

export interface LanguageTypedString {
  language: string;
  value: string;
}

export interface StudyLoad {
  studyLoadUnit: 'contacttime' | 'ects' | 'sbu' | 'sp' | 'hour';
  value: number;
}

/** A result on an association (CourseResult). */
export interface CourseResult {
  state: 'in progress' | 'postponed' | 'completed' | 'queued';
  pass?: 'unknown' | 'passed' | 'failed';
  score?: string;
  comment?: string;
  resultDate: string;
  studyLoad: StudyLoad;
}

export interface OoapiPerson {
  personId: string;
  primaryCode: { codeType: string; code: string };
  givenName: string;
  surname: string;
  displayName: string;
  mail: string;
  affiliations: ('student' | 'employee' | 'guest')[];
  activeEnrollment: boolean;
}

export interface OoapiOrganization {
  organizationId: string;
  organizationType: 'root';
  primaryCode: { codeType: string; code: string };
  name: LanguageTypedString[];
  shortName: string;
}

export interface OoapiCourseOffering {
  offeringId: string;
  offeringType: 'course';
  name: LanguageTypedString[];
  description: LanguageTypedString[];
  /** ISO 639-2, three letters. */
  teachingLanguage: string;
  resultExpected: boolean;
  startDate: string;
  endDate: string;
}

/** The body of POST /associations/external/me as Leerroutes sends it. */
export interface AssociationWrite {
  associationType: 'courseOfferingAssociation';
  role: 'student';
  remoteState: AssociationState;
  offering: OoapiCourseOffering;
  /** Not in the write schema, which leaves room for it: the host learns who enrols from the home institution. */
  person: OoapiPerson;
  issuer: OoapiOrganization;
  ext?: Record<string, unknown>;
}

/** The host's answer to a POST or PATCH of an association. */
export interface AssociationAnswer {
  associationId: string;
  state: AssociationState;
  message: LanguageTypedString[];
  redirect?: string;
}

/** GET /associations/{associationId}. */
export interface Association {
  associationId: string;
  associationType: string;
  role: string;
  state: AssociationState;
  result?: CourseResult;
  person?: unknown;
  offering?: unknown;
}

/** What Leerroutes may change by PATCH, as host and as provider alike (JSON Merge Patch). */
export interface AssociationPatch {
  remoteState?: AssociationState;
  result?: CourseResult;
  /** Why, in the host's words (as PostResponse carries it): the reason of a refusal or a cancellation. */
  message?: LanguageTypedString[];
}

export interface OoapiPage<T> {
  pageSize: number;
  pageNumber: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  totalPages?: number;
  items: T[];
}

/** The page sizes the standard allows (its pageSize parameter is an enum). */
export type PageSize = 10 | 20 | 50 | 100 | 250;

export interface PageRequest {
  pageSize: PageSize;
  pageNumber: number;
}

export interface IdentifierEntry {
  codeType: string;
  code: string;
}

/**
 * A course of the host, as GET /courses lists it: what its offerings are offerings of. The catalogue
 * synchronisation reads these; the standard holds the rest of what a course may say.
 */
export interface OoapiCourse {
  courseId: string;
  primaryCode: IdentifierEntry;
  name: LanguageTypedString[];
  description: LanguageTypedString[];
  /** ISO 639-2, three letters. */
  teachingLanguage: string;
  studyLoad?: StudyLoad;
  [field: string]: unknown;
}

/** A course offering, as GET /courses/{courseId}/offerings lists it: one run of the course in time. */
export interface OoapiOffering {
  offeringId: string;
  primaryCode: IdentifierEntry;
  name: LanguageTypedString[];
  description: LanguageTypedString[];
  teachingLanguage: string;
  maxNumberStudents?: number;
  startDate: string;
  endDate: string;
  enrollStartDate?: string;
  enrollEndDate?: string;
  [field: string]: unknown;
}

/** A course with every offering of it: the host's whole catalogue is a list of these. */
export interface OoapiCatalogueEntry {
  course: OoapiCourse;
  offerings: OoapiOffering[];
}

/** The text of a multilingual field, preferring the language asked for (nl or en), else the first. */
export function textIn(
  strings: readonly LanguageTypedString[] | undefined,
  language = 'en',
): string {
  if (!strings || strings.length === 0) return '';
  return (strings.find((s) => s.language.startsWith(language)) ?? strings[0]).value;
}
