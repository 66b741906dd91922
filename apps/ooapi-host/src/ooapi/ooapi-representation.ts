import type { AssociationState } from '../admissions/association-states';
import type {
  AssociationEntity,
  CourseEntity,
  OfferingEntity,
  ResultEntity,
} from '../database/entities';

/** The institution's records as OOAPI v5 messages. */

interface LanguageTypedString {
  language: string;
  value: string;
}

/** BCP 47 tag of a text written in an ISO 639-2 teaching language. */
function tagOf(teachingLanguage: string): string {
  return teachingLanguage === 'nld' ? 'nl-NL' : 'en-GB';
}

function text(value: string, teachingLanguage: string): LanguageTypedString[] {
  return [{ language: tagOf(teachingLanguage), value }];
}

export function courseMessage(course: CourseEntity): Record<string, unknown> {
  return {
    courseId: course.id,
    primaryCode: { codeType: 'identifier', code: course.code },
    name: text(course.name, course.teachingLanguage),
    abbreviation: course.abbreviation,
    description: text(course.description, course.teachingLanguage),
    teachingLanguage: course.teachingLanguage,
    level: course.level,
    studyLoad: { studyLoadUnit: 'ects', value: course.studyLoadEc },
    modeOfDelivery: ['on campus'],
  };
}

export interface OfferingCounts {
  enrolled: number;
  pending: number;
}

export function offeringMessage(
  offering: OfferingEntity,
  course: CourseEntity,
  counts: OfferingCounts,
): Record<string, unknown> {
  return {
    offeringId: offering.id,
    primaryCode: { codeType: 'offeringCode', code: offering.code },
    offeringType: 'course',
    name: text(`${course.name} (${offering.period})`, offering.teachingLanguage),
    abbreviation: course.abbreviation,
    description: text(offering.description, offering.teachingLanguage),
    teachingLanguage: offering.teachingLanguage,
    modeOfDelivery: ['on campus'],
    maxNumberStudents: offering.places,
    enrolledNumberStudents: counts.enrolled,
    pendingNumberStudents: counts.pending,
    resultExpected: true,
    resultValueType: '1-10',
    startDate: offering.startDate,
    endDate: offering.endDate,
    enrollEndDate: offering.enrolEndDate,
    course: course.id,
  };
}

/** The result in force, as OOAPI CourseResult: credits in EC from the course. */
export function resultMessage(result: ResultEntity, course: CourseEntity): Record<string, unknown> {
  return {
    state: result.final ? 'completed' : 'in progress',
    pass: result.pass ? 'passed' : 'failed',
    score: result.score.toFixed(1),
    resultDate: result.resultDate,
    studyLoad: { studyLoadUnit: 'ects', value: course.studyLoadEc },
  };
}

/** What the association's state means for the student, in English and Dutch, with the staff's reason. */
export function stateMessage(
  state: AssociationState,
  reason: string | null,
): LanguageTypedString[] {
  const because = reason ? `: ${reason}` : '.';
  const [en, nl] = ((): [string, string] => {
    switch (state) {
      case 'pending':
        return [
          'Request received; the admissions office will decide',
          'Aanmelding ontvangen; de toelating beslist',
        ];
      case 'queued':
        return ['On the waiting list', 'Op de wachtlijst'];
      case 'associated':
        return ['Admitted and enrolled', 'Toegelaten en ingeschreven'];
      case 'denied':
        return ['Not admitted', 'Niet toegelaten'];
      case 'canceled':
        return ['Enrolment canceled', 'Inschrijving geannuleerd'];
    }
  })();
  return [
    { language: 'en-GB', value: `${en}${because}` },
    { language: 'nl-NL', value: `${nl}${because}` },
  ];
}

/**
 * GET /associations/{id}: a CourseOfferingAssociation with its result in force. `message` is no property of the
 * standard's association (which allows more than it names): it carries the admissions office's reason, as the
 * answers to POST and PATCH carry theirs.
 */
export function associationMessage(
  association: AssociationEntity,
  course: CourseEntity,
  result: ResultEntity | null,
): Record<string, unknown> {
  return {
    associationId: association.id,
    associationType: 'courseOfferingAssociation',
    role: 'student',
    state: association.state,
    ...(result ? { result: resultMessage(result, course) } : {}),
    offering: association.offeringId,
    message: stateMessage(association.state, association.reason),
  };
}

/** The answer to POST /associations/external/me and PATCH /associations/{id}. */
export function associationAnswer(association: AssociationEntity): Record<string, unknown> {
  return {
    associationId: association.id,
    state: association.state,
    message: stateMessage(association.state, association.reason),
  };
}

/**
 * The callback: PATCH {caller}/ooapi/v5/associations/{id}, a merge patch with the host's state as the caller's
 * remoteState, the result in force, and the staff's reason of a refusal or cancellation as `message` (as the
 * standard's PostResponse carries it): the fields the contract with Leerroutes names (Leerroutes refuses others).
 */
export function callbackMessage(
  association: AssociationEntity,
  course: CourseEntity,
  result: ResultEntity | null,
): Record<string, unknown> {
  return {
    remoteState: association.state,
    ...(result ? { result: resultMessage(result, course) } : {}),
    ...(association.reason ? { message: stateMessage(association.state, association.reason) } : {}),
  };
}

/** An OOAPI Problem (application/problem+json). */
export function problem(status: number, title: string, detail?: string): Record<string, string> {
  return { status: String(status), title, ...(detail ? { detail } : {}) };
}

/** The paged envelope of OOAPI collections (Pagination). */
export function page<T>(
  items: T[],
  total: number,
  paging: { pageSize: number; pageNumber: number },
): Record<string, unknown> {
  const totalPages = Math.max(1, Math.ceil(total / paging.pageSize));
  return {
    pageSize: paging.pageSize,
    pageNumber: paging.pageNumber,
    hasPreviousPage: paging.pageNumber > 1,
    hasNextPage: paging.pageNumber < totalPages,
    totalPages,
    items,
  };
}
