import {
  CatalogueInstitution,
  CatalogueOffering,
  academicYearDates,
  toOoapiCourse,
  toOoapiCourseOffering,
} from './ooapi-catalogue.mapping';
import { COURSE_IDS, OFFERING_IDS, organizationIdOf, uuidV5 } from './ooapi-ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the OOAPI ids of the catalogue', () => {
  const id = '3f2b9c1e-7a4d-4e8f-9b6a-1c2d3e4f5a6b';

  it('are stable, well-formed and distinct for the course, its offering and the offering itself', () => {
    const courseId = COURSE_IDS.of(id);
    const offeringId = OFFERING_IDS.of(id);
    expect(courseId).toBe(COURSE_IDS.of(id));
    expect(courseId).toMatch(UUID_V4);
    expect(offeringId).toMatch(UUID_V4);
    expect(new Set([id, courseId, offeringId]).size).toBe(3);
  });

  it("lead back to the offering's id, upper case or not", () => {
    expect(COURSE_IDS.offeringOf(COURSE_IDS.of(id))).toBe(id);
    expect(OFFERING_IDS.offeringOf(OFFERING_IDS.of(id).toUpperCase())).toBe(id);
  });

  it('name an organization by a version 5 uuid of its code (RFC 4122)', () => {
    // The RFC's namespace for DNS names, and Python's uuid.uuid5(NAMESPACE_DNS, 'www.example.com').
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(organizationIdOf('uni-ijssel')).toBe(organizationIdOf('uni-ijssel'));
    expect(organizationIdOf('uni-ijssel')).not.toBe(organizationIdOf('uni-waal'));
  });
});

describe('the catalogue as OOAPI courses and offerings', () => {
  const mbo: CatalogueInstitution = {
    code: 'mbo-energie',
    name: 'MBO Energie',
    sector: 'mbo',
    gradingScale: 'mbo-ovg',
  };
  const unit: CatalogueOffering = {
    id: '3f2b9c1e-7a4d-4e8f-9b6a-1c2d3e4f5a6b',
    code: 'KD-WARMTEPOMP',
    title: 'Keuzedeel Warmtepompen',
    description: 'Warmtepompen installeren.',
    credits: 240,
    creditUnit: 'hours',
    period: '2026-2027 blok 3',
    language: 'nl',
    capacity: 20,
    enrolledCount: 3,
    enrolmentDeadline: '2027-01-31',
  };

  it('places a period in its academic year, 1 September to 31 August', () => {
    expect(academicYearDates('2026-2027 P3')).toEqual({
      startDate: '2026-09-01',
      endDate: '2027-08-31',
    });
  });

  it('gives study-load hours as sbu, an mbo level, Dutch texts and the organization by id', () => {
    expect(toOoapiCourse(unit, mbo)).toEqual({
      courseId: COURSE_IDS.of(unit.id),
      primaryCode: { codeType: 'identifier', code: 'KD-WARMTEPOMP' },
      name: [{ language: 'nl-NL', value: 'Keuzedeel Warmtepompen' }],
      abbreviation: 'KD-WARMTEPOMP',
      description: [{ language: 'nl-NL', value: 'Warmtepompen installeren.' }],
      teachingLanguage: 'nld',
      level: 'secondary vocational education',
      studyLoad: { studyLoadUnit: 'sbu', value: 240 },
      organization: organizationIdOf('mbo-energie'),
    });
  });

  it('gives places, dates and the period, and no result value type for the mbo words', () => {
    const offering = toOoapiCourseOffering(unit, mbo, { course: true, organization: true });
    expect(offering).toMatchObject({
      offeringId: OFFERING_IDS.of(unit.id),
      name: [{ language: 'nl-NL', value: 'Keuzedeel Warmtepompen (2026-2027 blok 3)' }],
      maxNumberStudents: 20,
      enrolledNumberStudents: 3,
      startDate: '2026-09-01',
      endDate: '2027-08-31',
      enrollEndDate: '2027-01-31',
      course: { courseId: COURSE_IDS.of(unit.id), organization: { organizationType: 'root' } },
      organization: { organizationId: organizationIdOf('mbo-energie'), shortName: 'MBO Energie' },
    });
    expect(offering).not.toHaveProperty('resultValueType');
    const university = { ...mbo, sector: 'wo' as const, gradingScale: 'nl-1-10' as const };
    const english = { ...unit, language: 'en', creditUnit: 'EC' as const, credits: 6 };
    expect(toOoapiCourseOffering(english, university)).toMatchObject({
      teachingLanguage: 'eng',
      description: [{ language: 'en-GB' }],
      resultValueType: '1-10',
    });
    expect(toOoapiCourse(english, university)).toMatchObject({
      level: 'undefined',
      studyLoad: { studyLoadUnit: 'ects', value: 6 },
    });
  });
});
