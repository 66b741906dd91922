import type { Response } from 'supertest';
import { OfferingEntity } from '@lr/database';
import { OoapiValidator } from '@lr/ooapi';
import { COURSE_IDS, OFFERING_IDS, organizationIdOf } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

const OOAPI = '/ooapi/v5';

interface Course {
  courseId: string;
  primaryCode: { code: string };
  name: { language: string; value: string }[];
  description: { value: string }[];
  organization: string | { organizationId: string; name: { value: string }[] };
}

interface CourseOffering {
  offeringId: string;
  name: { value: string }[];
  description: { value: string }[];
  maxNumberStudents: number;
  enrolledNumberStudents: number;
  enrollEndDate: string;
  course: string | Course;
}

interface Page<T> {
  pageSize: number;
  pageNumber: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  items: T[];
}

/**
 * Leerroutes as an OOAPI v5 provider of its catalogue: another platform, with no one signed in, reads the open
 * offerings of the institutions that work in Leerroutes as courses with one offering each. Every answer, errors
 * included, is held to the published standard.
 */
describe('the catalogue as an OOAPI v5 provider', () => {
  let t: TestApp;
  let j: Journey;
  let v5: OoapiValidator;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
    v5 = await OoapiValidator.v5();
  });
  afterAll(() => t.close());

  /** GET below the OOAPI root, without a token; the answer must be one the standard allows. */
  const ooapi = async (path: string, status = 200): Promise<Response> => {
    const response = expectStatus(await t.http().get(`${OOAPI}${path}`), status);
    const operation = { method: 'get' as const, path: path.split('?')[0] || '/' };
    expect({ path, violations: v5.response(operation, { status, body: response.body }) }).toEqual({
      path,
      violations: [],
    });
    if (status >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.status).toBe(String(status));
    }
    return response;
  };
  const courses = async (query = '') => (await ooapi(`/courses${query}`)).body as Page<Course>;
  const allCourses = async (query = '') => {
    const found: Course[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await courses(`?pageSize=10&pageNumber=${pageNumber}${query}`);
      found.push(...page.items);
      if (!page.hasNextPage) return found;
    }
  };
  const openOfferings = () =>
    t.dataSource.manager
      .createQueryBuilder(OfferingEntity, 'o')
      .where('o.closed_at IS NULL')
      .getMany();
  const courseOf = async (ref: string) => COURSE_IDS.of(await j.offeringId(ref));
  const offeringOf = async (ref: string) => OFFERING_IDS.of(await j.offeringId(ref));

  it('describes itself as the standard asks, at its root', async () => {
    const service = (await ooapi('/')).body;
    expect(service).toEqual({
      contactEmail: 'ooapi@leerroutes.invalid',
      specification: expect.stringMatching(/^https:\/\/.*ooapi\.json$/),
      documentation: expect.stringMatching(/^https:\/\//),
    });
  });

  it('lists every open offering as a course, by name, with the institution as its organization', async () => {
    const listed = await allCourses();
    // By name in the database's collation, as a person would look them up.
    const byName = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM offerings WHERE closed_at IS NULL ORDER BY title, id',
    );
    expect(byName.length).toBeGreaterThan(10);
    expect(listed.map((c) => c.courseId)).toEqual(byName.map((o) => COURSE_IDS.of(o.id)));

    const ml = listed.find((c) => c.primaryCode.code === 'DS-ML')!;
    expect(ml).toEqual({
      courseId: await courseOf('uni-ijssel/DS-ML'),
      primaryCode: { codeType: 'identifier', code: 'DS-ML' },
      name: [{ language: 'en-GB', value: 'Machine Learning' }],
      abbreviation: 'DS-ML',
      description: [
        {
          language: 'en-GB',
          value: 'Supervised and unsupervised learning with practical assignments in Python.',
        },
      ],
      teachingLanguage: 'eng',
      level: 'undefined',
      studyLoad: { studyLoadUnit: 'ects', value: 6 },
      organization: organizationIdOf('uni-ijssel'),
    });
    const heatPumps = listed.find((c) => c.primaryCode.code === 'KD-WARMTEPOMP')!;
    expect(heatPumps).toMatchObject({
      teachingLanguage: 'nld',
      level: 'secondary vocational education',
      studyLoad: { studyLoadUnit: 'sbu', value: 240 },
    });
  });

  it('gives a course, its offering and the offering itself by their ids, expanded where asked', async () => {
    const courseId = await courseOf('uni-ijssel/DS-ML');
    const offeringId = await offeringOf('uni-ijssel/DS-ML');
    expect((await ooapi(`/courses/${courseId}`)).body.courseId).toBe(courseId);
    const withOrganization = (await ooapi(`/courses/${courseId}?expand=organization`)).body;
    expect(withOrganization.organization).toEqual({
      organizationId: organizationIdOf('uni-ijssel'),
      primaryCode: { codeType: 'identifier', code: 'uni-ijssel' },
      organizationType: 'root',
      name: [{ language: 'nl-NL', value: 'Universiteit IJsselland' }],
      shortName: 'Universiteit IJsselland',
    });

    const page = (await ooapi(`/courses/${courseId}/offerings`)).body as Page<CourseOffering>;
    expect(page).toMatchObject({ pageNumber: 1, hasPreviousPage: false, hasNextPage: false });
    expect(page.items).toEqual([
      {
        offeringId,
        primaryCode: { codeType: 'offeringCode', code: 'DS-ML' },
        offeringType: 'course',
        name: [{ language: 'en-GB', value: 'Machine Learning (2026-2027 P3)' }],
        abbreviation: 'DS-ML',
        description: [
          {
            language: 'en-GB',
            value: 'Supervised and unsupervised learning with practical assignments in Python.',
          },
        ],
        teachingLanguage: 'eng',
        resultExpected: true,
        resultValueType: '1-10',
        maxNumberStudents: 80,
        enrolledNumberStudents: 0,
        startDate: '2026-09-01',
        endDate: '2027-08-31',
        enrollEndDate: '2027-01-20',
        priceInformation: [],
        course: courseId,
        organization: organizationIdOf('uni-ijssel'),
      },
    ]);
    expect((await ooapi(`/offerings/${offeringId}`)).body).toEqual(page.items[0]);
    const expanded = (await ooapi(`/offerings/${offeringId}?expand=course,organization,program`))
      .body as CourseOffering;
    expect(expanded.course).toMatchObject({
      courseId,
      organization: { organizationId: organizationIdOf('uni-ijssel') },
    });
    expect(expanded.course).toEqual({
      ...(await ooapi(`/courses/${courseId}?expand=organization`)).body,
    });
  });

  it('pages as the standard does, by 10 unless asked otherwise, and sorts on request', async () => {
    const total = (await openOfferings()).length;
    const first = await courses();
    expect(first).toMatchObject({
      pageSize: 10,
      pageNumber: 1,
      hasPreviousPage: false,
      hasNextPage: true,
    });
    expect(first.items).toHaveLength(10);
    const second = await courses('?pageNumber=2');
    expect(second).toMatchObject({ pageNumber: 2, hasPreviousPage: true, hasNextPage: false });
    expect(second.items).toHaveLength(total - 10);
    expect(second.items.some((c) => first.items.some((f) => f.courseId === c.courseId))).toBe(
      false,
    );
    const beyond = await courses('?pageNumber=9');
    expect(beyond).toMatchObject({ items: [], hasPreviousPage: true, hasNextPage: false });
    expect((await courses('?pageSize=20')).items).toHaveLength(total);

    const byName = (await courses('?pageSize=50')).items.map((c) => c.courseId);
    expect((await courses('?pageSize=50&sort=-name')).items.map((c) => c.courseId)).toEqual(
      [...byName].reverse(),
    );
    const byId = (await courses('?pageSize=50&sort=courseId')).items.map((c) => c.courseId);
    expect(byId).toEqual([...byId].sort());
    expect((await courses('?pageSize=50&sort=-courseId')).items.map((c) => c.courseId)).toEqual(
      [...byId].reverse(),
    );
  });

  it('searches and filters as the standard names it: q, primaryCode, teachingLanguage, level', async () => {
    const codes = async (query: string) =>
      (await courses(`?pageSize=100&${query}`)).items.map((c) => c.primaryCode.code).sort();
    expect(await codes('q=mach%20learn')).toEqual(['DS-ML']);
    expect(await codes('primaryCode=DS-VIS')).toEqual(['DS-VIS']);
    expect(await codes('primaryCode=ds-vis')).toEqual([]);
    expect(await codes('level=secondary%20vocational%20education')).toEqual([
      'KD-WARMTEPOMP',
      'KD-ZONNESTROOM',
    ]);
    expect(await codes('level=master')).toEqual([]);
    const dutch = await codes('teachingLanguage=nld');
    const english = await codes('teachingLanguage=eng');
    expect(dutch.length + english.length).toBe((await openOfferings()).length);
    expect(english).toContain('DS-ML');
    expect(await codes('teachingLanguage=deu')).toEqual([]);
    // A filter of the standard Leerroutes cannot answer is refused rather than ignored.
    const delivery = (await ooapi('/courses?modeOfDelivery=online', 400)).body;
    expect(delivery.errors).toEqual([
      { field: 'modeOfDelivery', messages: [expect.stringMatching(/not supported/)] },
    ]);
    // The consumer parameter asks for what is meant for one consumer: Leerroutes has the same for all.
    expect(await codes('consumer=eduxchange&q=machine')).toEqual(['DS-ML']);

    const courseId = await courseOf('uni-ijssel/DS-ML');
    const offerings = async (query: string) =>
      ((await ooapi(`/courses/${courseId}/offerings?${query}`)).body as Page<CourseOffering>).items
        .length;
    expect(await offerings('since=2026-09-01&until=2027-08-31&resultExpected=true')).toBe(1);
    expect(await offerings('since=2026-09-02')).toBe(0);
    expect(await offerings('until=2027-08-30')).toBe(0);
    expect(await offerings('resultExpected=false')).toBe(0);
    expect(await offerings('teachingLanguage=nld')).toBe(0);
    expect(await offerings('q=python&sort=-startDate')).toBe(1);
  });

  it("shows an admin's change of capacity and description, and the places taken", async () => {
    const id = await j.offeringId('uni-ijssel/DS-VIS');
    expectStatus(
      await t.as('ijssel-admin').patch(`/admin/offerings/${id}`, {
        capacity: 12,
        description: 'Visual analysis of large data sets, with a project for a client.',
      }),
      200,
    );
    await j.enrolled({ offering: 'uni-ijssel/DS-VIS' });
    const offering = (await ooapi(`/offerings/${OFFERING_IDS.of(id)}`)).body as CourseOffering;
    expect(offering).toMatchObject({
      maxNumberStudents: 12,
      enrolledNumberStudents: 1,
      description: [{ value: 'Visual analysis of large data sets, with a project for a client.' }],
    });
    const course = (await ooapi(`/courses/${COURSE_IDS.of(id)}`)).body as Course;
    expect(course.description[0].value).toMatch(/with a project for a client/);
  });

  it('leaves a closed offering out, listed or by id, and has it back once reopened', async () => {
    const id = await j.offeringId('uni-waal/PBT-21806');
    const [courseId, offeringId] = [COURSE_IDS.of(id), OFFERING_IDS.of(id)];
    expectStatus(await t.as('waal-admin').post(`/admin/offerings/${id}/close`), 200);
    expect((await allCourses()).some((c) => c.courseId === courseId)).toBe(false);
    await ooapi(`/courses/${courseId}`, 404);
    await ooapi(`/courses/${courseId}/offerings`, 404);
    await ooapi(`/offerings/${offeringId}`, 404);

    expectStatus(await t.as('waal-admin').post(`/admin/offerings/${id}/reopen`), 200);
    expect((await allCourses()).some((c) => c.courseId === courseId)).toBe(true);
    await ooapi(`/offerings/${offeringId}`);
  });

  it('answers an unknown id with 404 and a malformed one with 400, as the standard shapes a problem', async () => {
    const unknown = '0d6e1c2b-3a4f-4e5d-8c7b-6a5f4e3d2c1b';
    const id = await j.offeringId('uni-ijssel/DS-ML');
    await ooapi(`/courses/${unknown}`, 404);
    await ooapi(`/courses/${unknown}/offerings`, 404);
    await ooapi(`/offerings/${unknown}`, 404);
    // One id space is not another: an offering's id is no course, a course's id no offering.
    await ooapi(`/courses/${id}`, 404);
    await ooapi(`/offerings/${COURSE_IDS.of(id)}`, 404);
    const malformed = (await ooapi('/courses/not-a-uuid', 400)).body;
    expect(malformed).toMatchObject({
      title: 'Invalid request',
      errors: [{ field: 'courseId' }],
    });
    for (const query of [
      'pageSize=7',
      'pageSize=1e1',
      'pageNumber=0',
      'sort=title',
      'expand=all',
    ]) {
      const path = query.startsWith('expand') ? `/offerings/${OFFERING_IDS.of(id)}` : '/courses';
      const field = query.split('=')[0];
      expect((await ooapi(`${path}?${query}`, 400)).body.errors).toEqual([
        { field, messages: [expect.any(String)] },
      ]);
    }
  });
});
