import { DataSource } from 'typeorm';
import { hostDataSourceOptions } from '../src/database/host-data-source.options';
import { prepareHostDatabase } from '../src/database/prepare-database';
import { DEMO_COURSES, DEMO_OFFERINGS } from '../src/database/seed-catalogue';
import { TestHost, enrolment, person } from './test-host';

const [DATA_SCIENCE, WATER, ETHICS] = DEMO_COURSES;
const ETHICS_OFFERING = DEMO_OFFERINGS[2];

describe('the demo institution system: its OOAPI v5 (every answer checked against the standard)', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await TestHost.start({ LEERROUTES_URL: 'http://127.0.0.1:3999' });
  });
  afterAll(async () => {
    await host.stop();
  });

  it('lists its courses by name in the Pagination envelope, with studyLoad in EC', async () => {
    const { status, body } = await host.ooapi('get', '/courses?pageSize=10&pageNumber=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      pageSize: 10,
      pageNumber: 1,
      hasPreviousPage: false,
      hasNextPage: false,
      totalPages: 1,
    });
    expect(body.items.map((c: { courseId: string }) => c.courseId)).toEqual([
      DATA_SCIENCE.id,
      ETHICS.id,
      WATER.id,
    ]);
    expect(body.items[0]).toMatchObject({
      primaryCode: { codeType: 'identifier', code: 'EEM-DS201' },
      studyLoad: { studyLoadUnit: 'ects', value: 6 },
      teachingLanguage: 'eng',
      level: 'master',
    });
    const second = await host.ooapi('get', '/courses?pageNumber=2');
    expect(second.body).toMatchObject({ pageNumber: 2, hasPreviousPage: true, items: [] });
  });

  it('refuses a page size the standard does not offer, with a Problem', async () => {
    const { status, body, headers } = await host.ooapi('get', '/courses?pageSize=7');
    expect(status).toBe(400);
    expect(headers['content-type']).toMatch(/application\/problem\+json/);
    expect(body).toMatchObject({ status: '400', title: 'Bad Request' });
    expect(body.detail).toMatch(/pageSize/);
  });

  it('serves one course, and a Problem for one it does not have or an id that is no uuid', async () => {
    const { status, body } = await host.ooapi('get', `/courses/${WATER.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ courseId: WATER.id, abbreviation: 'WMRD' });
    const unknown = await host.ooapi('get', '/courses/ee000000-0000-4000-8000-0000000000ff');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: '404', title: 'Not Found' });
    expect((await host.ooapi('get', '/courses/EEM-DS201')).status).toBe(400);
  });

  it("lists a course's offerings by start date with places, period and enrolment end", async () => {
    const { status, body } = await host.ooapi('get', `/courses/${ETHICS.id}/offerings?pageSize=20`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ pageSize: 20, pageNumber: 1, hasNextPage: false });
    expect(body.items).toEqual([
      expect.objectContaining({
        offeringId: ETHICS_OFFERING.id,
        offeringType: 'course',
        course: ETHICS.id,
        maxNumberStudents: 2,
        enrolledNumberStudents: 0,
        startDate: '2027-02-01',
        endDate: '2027-04-16',
        enrollEndDate: '2027-01-10',
        teachingLanguage: 'nld',
        resultValueType: '1-10',
        description: [{ language: 'nl-NL', value: ETHICS_OFFERING.description }],
      }),
    ]);
    expect(
      (await host.ooapi('get', '/courses/ee000000-0000-4000-8000-0000000000ff/offerings')).status,
    ).toBe(404);
  });

  it('serves one offering', async () => {
    const { status, body } = await host.ooapi('get', `/offerings/${DEMO_OFFERINGS[0].id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ offeringId: DEMO_OFFERINGS[0].id, maxNumberStudents: 30 });
  });

  it('creates an association (201, pending), serves it, and takes a withdrawal by merge patch', async () => {
    const offering = (await host.ooapi('get', `/offerings/${DEMO_OFFERINGS[1].id}`)).body;
    const created = await host.ooapi(
      'post',
      '/associations/external/me',
      enrolment(offering, person('Macca Jansen', 's1029384')),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'pending' });
    const id = created.body.associationId as string;

    const read = await host.ooapi('get', `/associations/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      associationId: id,
      associationType: 'courseOfferingAssociation',
      role: 'student',
      state: 'pending',
      offering: DEMO_OFFERINGS[1].id,
    });
    expect(read.body).not.toHaveProperty('result');

    const patched = await host.ooapi('patch', `/associations/${id}`, { remoteState: 'canceled' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ associationId: id, state: 'canceled' });
    expect((await host.ooapi('get', `/associations/${id}`)).body.state).toBe('canceled');
  });

  it('refuses an association the standard does not allow, or for an offering it does not have', async () => {
    const offering = (await host.ooapi('get', `/offerings/${DEMO_OFFERINGS[1].id}`)).body;
    const { remoteState: _omitted, ...withoutRemoteState } = enrolment(
      offering,
      person('A B', '1'),
    );
    const invalid = await host.ooapi('post', '/associations/external/me', withoutRemoteState);
    expect(invalid.status).toBe(400);
    expect(invalid.body.detail).toMatch(/remoteState/);

    const elsewhere = { ...offering, offeringId: 'ee000000-0000-4000-8000-0000000001ff' };
    const unknown = await host.ooapi(
      'post',
      '/associations/external/me',
      enrolment(elsewhere, person('A B', '1')),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/no offering/);

    const { person: _nobody, ...withoutPerson } = enrolment(offering, person('A B', '1'));
    const anonymous = await host.ooapi('post', '/associations/external/me', withoutPerson);
    expect(anonymous.status).toBe(400);

    const notJson = await host.ooapi(
      'patch',
      `/associations/${DEMO_OFFERINGS[0].id}`,
      '{"remoteState":',
    );
    expect(notJson.status).toBe(400);
  });

  it('answers 404 for an association it does not have, and refuses a result sent to it', async () => {
    const missing = 'ee000000-0000-4000-8000-00000000ffff';
    expect((await host.ooapi('get', `/associations/${missing}`)).status).toBe(404);
    expect(
      (await host.ooapi('patch', `/associations/${missing}`, { remoteState: 'canceled' })).status,
    ).toBe(404);
    const offering = (await host.ooapi('get', `/offerings/${DEMO_OFFERINGS[1].id}`)).body;
    const created = await host.ooapi(
      'post',
      '/associations/external/me',
      enrolment(offering, person('Kyra de Vries', 's2000001')),
    );
    const result = {
      state: 'completed',
      pass: 'passed',
      score: '8.0',
      resultDate: '2027-07-01',
      studyLoad: { studyLoadUnit: 'ects', value: 5 },
    };
    const sent = await host.ooapi('patch', `/associations/${created.body.associationId}`, {
      result,
    });
    expect(sent.status).toBe(400);
    expect(sent.body.detail).toMatch(/recorded by this institution/);
  });

  it('seeds its catalogue once: preparing the database again adds nothing', async () => {
    await prepareHostDatabase(host.databaseUrl);
    const dataSource = await new DataSource(hostDataSourceOptions(host.databaseUrl)).initialize();
    try {
      const [{ courses, offerings }] = await dataSource.query<
        { courses: number; offerings: number }[]
      >(
        'SELECT (SELECT count(*)::int FROM courses) AS courses, (SELECT count(*)::int FROM offerings) AS offerings',
      );
      expect({ courses, offerings }).toEqual({ courses: 3, offerings: 3 });
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
