import { randomUUID } from 'crypto';
import type { OoapiCatalogueEntry, OoapiCourse, OoapiOffering } from '@lr/ooapi';

/** What a test says of an offering in a stand-in system's catalogue; the rest is the standard's form. */
export interface OfferingSpec {
  code: string;
  places: number;
  startDate: string;
  endDate: string;
  enrollEndDate?: string;
  description: string;
}

const textIn = (teachingLanguage: string, value: string) => [
  { language: teachingLanguage === 'nld' ? 'nl-NL' : 'en-GB', value },
];

/** A course as an institution's system lists it (OOAPI v5 Course), with its study load in ECTS. */
export function ooapiCourse(
  code: string,
  name: string,
  ects: number,
  teachingLanguage = 'eng',
): OoapiCourse {
  return {
    courseId: randomUUID(),
    primaryCode: { codeType: 'identifier', code },
    name: textIn(teachingLanguage, name),
    abbreviation: code,
    description: textIn(teachingLanguage, `What ${name} is about.`),
    teachingLanguage,
    level: 'master',
    studyLoad: { studyLoadUnit: 'ects', value: ects },
  };
}

/** One run of the course (OOAPI v5 CourseOffering). */
export function ooapiOffering(course: OoapiCourse, spec: OfferingSpec): OoapiOffering {
  return {
    offeringId: randomUUID(),
    primaryCode: { codeType: 'offeringCode', code: spec.code },
    offeringType: 'course',
    name: textIn(course.teachingLanguage, `${course.name[0].value} (${spec.code})`),
    description: textIn(course.teachingLanguage, spec.description),
    teachingLanguage: course.teachingLanguage,
    resultExpected: true,
    maxNumberStudents: spec.places,
    startDate: spec.startDate,
    endDate: spec.endDate,
    ...(spec.enrollEndDate ? { enrollEndDate: spec.enrollEndDate } : {}),
    course: course.courseId,
  };
}

/** The offering of a catalogue with this code, to change in place as the system's staff would. */
export function offeringIn(catalogue: OoapiCatalogueEntry[], code: string): OoapiOffering {
  const found = catalogue.flatMap((e) => e.offerings).find((o) => o.primaryCode.code === code);
  if (!found) throw new Error(`No offering ${code} in the stand-in's catalogue`);
  return found;
}

/** A catalogue to start from: three courses (in two pages of two), four offerings, one course in Dutch. */
export function sampleCatalogue(): OoapiCatalogueEntry[] {
  const robots = ooapiCourse('IJ-ROB', 'Robot Ethics', 6);
  const quantum = ooapiCourse('IJ-QC', 'Quantum Computing', 5);
  const care = ooapiCourse('IJ-DZ', 'Datawetenschap in de zorg', 4, 'nld');
  return [
    {
      course: robots,
      offerings: [
        ooapiOffering(robots, {
          code: 'IJ-ROB-P3',
          places: 20,
          startDate: '2027-02-01',
          endDate: '2027-04-16',
          enrollEndDate: '2027-01-15',
          description: 'Seminars on responsibility in autonomous systems.',
        }),
        ooapiOffering(robots, {
          code: 'IJ-ROB-P4',
          places: 15,
          startDate: '2027-04-19',
          endDate: '2027-07-02',
          description: 'The same seminars in the last period.',
        }),
      ],
    },
    {
      course: quantum,
      offerings: [
        ooapiOffering(quantum, {
          code: 'IJ-QC-P3',
          places: 10,
          startDate: '2027-02-01',
          endDate: '2027-04-16',
          enrollEndDate: '2027-01-10',
          description: 'Qubits, gates and the first algorithms.',
        }),
      ],
    },
    {
      course: care,
      offerings: [
        ooapiOffering(care, {
          code: 'IJ-DZ-P4',
          places: 12,
          startDate: '2027-04-19',
          endDate: '2027-07-02',
          enrollEndDate: '2027-03-15',
          description: 'Patiëntdata veilig en verantwoord gebruiken.',
        }),
      ],
    },
  ];
}
