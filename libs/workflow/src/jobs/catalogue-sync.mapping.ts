import { CatalogueSyncProblem, OfferingLanguage, convertCredits, isPeriod } from '@lr/domain';
import type { InstitutionDefinition, OfferingDraft } from '@lr/institutions';
import { OoapiCourse, OoapiOffering, textIn } from '@lr/ooapi';
import { TEACHING_LANGUAGES } from '../shared/ooapi-catalogue.mapping';
import { CREDIT_UNIT_OF_STUDY_LOAD } from '../shared/ooapi-study-load';

/** One offering of the host's catalogue as Leerroutes would keep it, or why it cannot. */
export type SyncedOffering =
  | { externalId: string; label: string; draft: OfferingDraft }
  | { externalId: string; label: string; problem: CatalogueSyncProblem };

const LANGUAGE_OF_TEACHING = Object.fromEntries(
  Object.entries(TEACHING_LANGUAGES).map(([language, iso]) => [iso, language]),
) as Partial<Record<string, OfferingLanguage>>;

/**
 * An OOAPI course offering (with its course) as an offering of the institution in Leerroutes, field by field:
 * - code: the offering's primaryCode (a course runs in several periods, each its own offering here);
 * - title: the course's name, since the period is shown beside it; description: the offering's, else the
 *   course's; both in the teaching language where the system gives that one;
 * - language: the offering's teachingLanguage (ISO 639-2), nld or eng, the two the catalogue knows;
 * - credits: the course's studyLoad (offerings carry none in v5), in the institution's credit unit (ECTS as EC,
 *   sbu and hours as hours, converted at 28 hours an EC where the system counts otherwise than the institution);
 * - period: the academic year its startDate falls in (1 September to 31 August), then its dates as an ISO 8601
 *   interval ('2026-2027 2027-02-01/2027-04-16'): v5 lists no name for the period without expanding it;
 * - capacity: maxNumberStudents; the system decides on admissions itself, so Leerroutes keeps no waiting list;
 * - enrolment deadline: enrollEndDate, else the day before it starts. Leerroutes has no opening date: a request
 *   sent before enrollStartDate reaches the system, which decides on it.
 * - programme: the one the connection names (see OoapiConnection.programmeCode).
 */
export function syncedOffering(
  institution: InstitutionDefinition,
  programmeCode: string,
  course: OoapiCourse,
  offering: OoapiOffering,
): SyncedOffering {
  const externalId = offering.offeringId;
  const label = offering.primaryCode.code || externalId;
  const refuse = (code: string, message: string): SyncedOffering => ({
    externalId,
    label,
    problem: offeringProblem(label, code, message),
  });

  const language = LANGUAGE_OF_TEACHING[offering.teachingLanguage];
  if (!language) {
    return refuse(
      'CATALOGUE.UNKNOWN_LANGUAGE',
      `taught in '${offering.teachingLanguage}'; the catalogue knows Dutch (nld) and English (eng).`,
    );
  }
  const unit = CREDIT_UNIT_OF_STUDY_LOAD[course.studyLoad?.studyLoadUnit ?? ''];
  if (!course.studyLoad || !unit || !(course.studyLoad.value > 0)) {
    return refuse(
      'CATALOGUE.NO_CREDITS',
      `its course names no study load in ECTS, sbu or hours (${JSON.stringify(course.studyLoad ?? null)}).`,
    );
  }
  if (offering.maxNumberStudents === undefined || !Number.isInteger(offering.maxNumberStudents)) {
    return refuse('CATALOGUE.NO_PLACES', 'it names no number of places (maxNumberStudents).');
  }
  const period = periodOf(offering.startDate, offering.endDate);
  if (!isPeriod(period)) {
    return refuse('CATALOGUE.INVALID_PERIOD', `it runs ${period}, which is no period.`);
  }
  const textLanguage = language === 'nl' ? 'nl' : 'en';
  return {
    externalId,
    label,
    draft: {
      code: label,
      programmeCode,
      title: textIn(course.name, textLanguage),
      description:
        textIn(offering.description, textLanguage) || textIn(course.description, textLanguage),
      credits: convertCredits(course.studyLoad.value, unit, institution.creditUnit).credits,
      period,
      language,
      capacity: offering.maxNumberStudents,
      waitingList: false,
      enrolmentDeadline: offering.enrollEndDate ?? dayBefore(offering.startDate),
      prerequisites: [],
    },
  };
}

/** What the run could not do with one offering, named as the institution's system names it. */
export function offeringProblem(
  label: string,
  code: string,
  message: string,
): CatalogueSyncProblem {
  return { offering: label, code, message: `${label}: ${message}` };
}

/** '2026-2027 2027-02-01/2027-04-16': the Dutch academic year runs from 1 September (WHW art. 1.1). */
export function periodOf(startDate: string, endDate: string): string {
  const [year, month] = startDate.split('-').map(Number);
  const first = month >= 9 ? year : year - 1;
  return `${first}-${first + 1} ${startDate}/${endDate}`;
}

function dayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
