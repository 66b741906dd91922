import { EntityManager } from 'typeorm';
import { CourseEntity, OfferingEntity } from './entities';

/**
 * The demo catalogue of Universiteit aan de Eem, academic year 2026-2027: three courses with one offering each,
 * one of them with two places so that a third request is queued. The ids are fixed, so that Leerroutes'
 * configuration and tests can name them.
 */
export const DEMO_COURSES: CourseEntity[] = [
  {
    id: 'ee000000-0000-4000-8000-000000000001',
    code: 'EEM-DS201',
    name: 'Data Science for the Life Sciences',
    abbreviation: 'DSLS',
    description:
      'Statistical learning and reproducible data analysis with examples from plant and food research.',
    teachingLanguage: 'eng',
    level: 'master',
    studyLoadEc: 6,
  },
  {
    id: 'ee000000-0000-4000-8000-000000000002',
    code: 'EEM-WM110',
    name: 'Water Management in River Deltas',
    abbreviation: 'WMRD',
    description: 'How Dutch rivers are kept in their beds: hydrology, governance and design.',
    teachingLanguage: 'eng',
    level: 'bachelor',
    studyLoadEc: 5,
  },
  {
    id: 'ee000000-0000-4000-8000-000000000003',
    code: 'EEM-ET305',
    name: 'Ethiek van kunstmatige intelligentie',
    abbreviation: 'EKI',
    description: 'Verantwoordelijkheid, uitlegbaarheid en recht bij het gebruik van AI-systemen.',
    teachingLanguage: 'nld',
    level: 'master',
    studyLoadEc: 5,
  },
];

export const DEMO_OFFERINGS: OfferingEntity[] = [
  {
    id: 'ee000000-0000-4000-8000-000000000101',
    courseId: DEMO_COURSES[0].id,
    code: 'EEM-DS201-2627-P3',
    period: '2026-2027 P3',
    startDate: '2027-02-01',
    endDate: '2027-04-16',
    enrolEndDate: '2027-01-15',
    places: 30,
    teachingLanguage: 'eng',
    description: 'Three lectures and a computer lab a week; a project with data of your own field.',
  },
  {
    id: 'ee000000-0000-4000-8000-000000000102',
    courseId: DEMO_COURSES[1].id,
    code: 'EEM-WM110-2627-P4',
    period: '2026-2027 P4',
    startDate: '2027-04-19',
    endDate: '2027-07-02',
    enrolEndDate: '2027-03-15',
    places: 25,
    teachingLanguage: 'eng',
    description: 'Lectures, two field days along the Eem and a group design assignment.',
  },
  {
    id: 'ee000000-0000-4000-8000-000000000103',
    courseId: DEMO_COURSES[2].id,
    code: 'EEM-ET305-2627-P3',
    period: '2026-2027 P3',
    startDate: '2027-02-01',
    endDate: '2027-04-16',
    enrolEndDate: '2027-01-10',
    places: 2,
    teachingLanguage: 'nld',
    description: 'Werkcollege in een kleine groep: twee plaatsen voor studenten van buiten.',
  },
];

/** Adds what is missing of the demo catalogue and leaves what is there (a restart changes nothing). */
export async function seedCatalogue(manager: EntityManager): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(CourseEntity)
    .values(DEMO_COURSES)
    .orIgnore()
    .execute();
  await manager
    .createQueryBuilder()
    .insert()
    .into(OfferingEntity)
    .values(DEMO_OFFERINGS)
    .orIgnore()
    .execute();
}
