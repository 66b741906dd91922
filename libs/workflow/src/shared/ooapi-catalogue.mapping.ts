import type { OfferingEntity } from '@lr/database';
import { CreditUnit, GradingScale, OfferingLanguage, Sector, academicYearOf } from '@lr/domain';
import { COURSE_IDS, OFFERING_IDS, organizationIdOf } from './ooapi-ids';

/**
 * Leerroutes' catalogue in the shapes of OOAPI v5 (libs/ooapi/spec/ooapi-v5.json), field by field: every field
 * below is one the standard names, set from one column or fact, and nothing else leaves. No person is in it.
 */

/** A text and the language it is in (RFC 3066, as the standard has it: nl-NL, en-GB). */
export interface OoapiText {
  language: string;
  value: string;
}

export interface OoapiIdentifier {
  codeType: string;
  code: string;
}

export interface OoapiStudyLoad {
  studyLoadUnit: 'ects' | 'sbu';
  value: number;
}

export interface OoapiOrganization {
  organizationId: string;
  primaryCode: OoapiIdentifier;
  organizationType: 'root';
  name: OoapiText[];
  shortName: string;
}

/** The standard's course levels (schema `level`). */
export const OOAPI_LEVELS = [
  'secondary vocational education',
  'secondary vocational education 1',
  'secondary vocational education 2',
  'secondary vocational education 3',
  'secondary vocational education 4',
  'associate degree',
  'bachelor',
  'master',
  'doctoral',
  'undefined',
  'undivided',
  'nt2-1',
  'nt2-2',
] as const;
export type OoapiLevel = (typeof OOAPI_LEVELS)[number];

export interface OoapiCourse {
  courseId: string;
  primaryCode: OoapiIdentifier;
  name: OoapiText[];
  abbreviation: string;
  description: OoapiText[];
  teachingLanguage: string;
  level: OoapiLevel;
  studyLoad: OoapiStudyLoad;
  /** Its id, or the organization itself where the client asked to expand it. */
  organization: string | OoapiOrganization;
}

export interface OoapiCourseOffering {
  offeringId: string;
  primaryCode: OoapiIdentifier;
  offeringType: 'course';
  name: OoapiText[];
  abbreviation: string;
  description: OoapiText[];
  teachingLanguage: string;
  resultExpected: true;
  resultValueType?: '1-10' | 'pass-or-fail';
  maxNumberStudents: number;
  enrolledNumberStudents: number;
  startDate: string;
  endDate: string;
  enrollEndDate: string;
  priceInformation: never[];
  course: string | OoapiCourse;
  organization: string | OoapiOrganization;
}

/** The standard's Pagination, around a page of items. */
export interface OoapiPage<T> {
  pageSize: number;
  pageNumber: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  items: T[];
}

export interface OoapiService {
  contactEmail: string;
  specification: string;
  documentation: string;
}

/** What the mapping needs to know of an institution. */
export interface CatalogueInstitution {
  code: string;
  name: string;
  sector: Sector;
  gradingScale: GradingScale;
}

/** What may be expanded in place of an id (the `expand` query parameter). */
export interface Expansions {
  course?: boolean;
  organization?: boolean;
}

/** The offering's columns the mapping reads: a catalogue row. */
export type CatalogueOffering = Pick<
  OfferingEntity,
  | 'id'
  | 'code'
  | 'title'
  | 'description'
  | 'credits'
  | 'creditUnit'
  | 'period'
  | 'language'
  | 'capacity'
  | 'enrolledCount'
  | 'enrolmentDeadline'
>;

/** Teaching languages as ISO 639-2, as the standard writes them. */
export const TEACHING_LANGUAGES: Record<OfferingLanguage, string> = { nl: 'nld', en: 'eng' };

/**
 * The language tag of an offering's title and description. Leerroutes records the language a unit is taught in,
 * not that of its texts: they are tagged with the teaching language.
 */
const TEXT_LANGUAGES: Record<OfferingLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

const STUDY_LOAD_UNITS: Record<CreditUnit, OoapiStudyLoad['studyLoadUnit']> = {
  EC: 'ects',
  // mbo counts studiebelastingsuren: the standard's sbu (study load hours), not contact hours.
  hours: 'sbu',
};

/**
 * A course's level, as far as Leerroutes knows it: an mbo institution's units are secondary vocational
 * education; for higher education it does not record whether a unit is bachelor or master, which the standard
 * calls undefined (onbepaald).
 */
export function levelOf(sector: Sector): OoapiLevel {
  return sector === 'mbo' ? 'secondary vocational education' : 'undefined';
}

/** The standard's resultValueType for a grading scale; none for the mbo words, which it does not list. */
const RESULT_VALUE_TYPES: Partial<Record<GradingScale, OoapiCourseOffering['resultValueType']>> = {
  'nl-1-10': '1-10',
  'pass-fail': 'pass-or-fail',
};

/**
 * The days an offering takes place, as far as Leerroutes knows: its period's academic year, which in the
 * Netherlands runs from 1 September to 31 August (WHW art. 1.1). The part of the year ('P3', 'blok 3-4') is each
 * institution's own; the offering's name says it.
 */
export function academicYearDates(period: string): { startDate: string; endDate: string } {
  const year = academicYearOf(period);
  // The registry and the offering writer refuse a period without an academic year.
  if (!year) throw new Error(`Period '${period}' names no academic year`);
  const [first, second] = year.split('-');
  return { startDate: `${first}-09-01`, endDate: `${second}-08-31` };
}

export function toOoapiOrganization(institution: CatalogueInstitution): OoapiOrganization {
  return {
    organizationId: organizationIdOf(institution.code),
    primaryCode: { codeType: 'identifier', code: institution.code },
    // Each institution is an educational institution of its own, not a part of Leerroutes.
    organizationType: 'root',
    name: [{ language: 'nl-NL', value: institution.name }],
    shortName: institution.name,
  };
}

function organizationOf(institution: CatalogueInstitution, expand: Expansions) {
  return expand.organization
    ? toOoapiOrganization(institution)
    : organizationIdOf(institution.code);
}

function text(offering: CatalogueOffering, value: string): OoapiText[] {
  return [{ language: TEXT_LANGUAGES[offering.language as OfferingLanguage], value }];
}

export function toOoapiCourse(
  offering: CatalogueOffering,
  institution: CatalogueInstitution,
  expand: Expansions = {},
): OoapiCourse {
  return {
    courseId: COURSE_IDS.of(offering.id),
    primaryCode: { codeType: 'identifier', code: offering.code },
    name: text(offering, offering.title),
    abbreviation: offering.code,
    description: text(offering, offering.description),
    teachingLanguage: TEACHING_LANGUAGES[offering.language as OfferingLanguage],
    level: levelOf(institution.sector),
    studyLoad: { studyLoadUnit: STUDY_LOAD_UNITS[offering.creditUnit], value: offering.credits },
    organization: organizationOf(institution, expand),
  };
}

export function toOoapiCourseOffering(
  offering: CatalogueOffering,
  institution: CatalogueInstitution,
  expand: Expansions = {},
): OoapiCourseOffering {
  const resultValueType = RESULT_VALUE_TYPES[institution.gradingScale];
  return {
    offeringId: OFFERING_IDS.of(offering.id),
    primaryCode: { codeType: 'offeringCode', code: offering.code },
    offeringType: 'course',
    name: text(offering, `${offering.title} (${offering.period})`),
    abbreviation: offering.code,
    description: text(offering, offering.description),
    teachingLanguage: TEACHING_LANGUAGES[offering.language as OfferingLanguage],
    // Every unit ends in a result, which travels to the student's home institution.
    resultExpected: true,
    ...(resultValueType ? { resultValueType } : {}),
    maxNumberStudents: offering.capacity,
    enrolledNumberStudents: offering.enrolledCount,
    ...academicYearDates(offering.period),
    enrollEndDate: offering.enrolmentDeadline,
    // No prices: a student pays tuition at home. Listed as an empty list because the standard's GET
    // /offerings/{offeringId} answers one of three offering schemas, with nothing to tell them apart but this:
    // a course offering may have an empty priceInformation, a program offering may not.
    priceInformation: [],
    course: expand.course
      ? toOoapiCourse(offering, institution, { organization: expand.organization })
      : COURSE_IDS.of(offering.id),
    organization: organizationOf(institution, expand),
  };
}
