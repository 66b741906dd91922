import {
  AssociationWrite,
  OoapiClient,
  OoapiProtocolError,
  OoapiRequestError,
  OoapiUnavailableError,
} from '@lr/ooapi';
import { OoapiStub } from './ooapi-stub';
import { ooapiCourse, ooapiOffering } from './stub-catalogue';

/** An enrolment as Leerroutes asks for one; its ids are the host's. */
const association = (offeringId: string): AssociationWrite => ({
  associationType: 'courseOfferingAssociation',
  role: 'student',
  remoteState: 'pending',
  person: {
    personId: '5e0c4a7e-6b1d-5c2e-8f3a-0b1c2d3e4f50',
    primaryCode: { codeType: 'studentNumber', code: 's1054321' },
    givenName: 'Macca',
    surname: 'Jansen',
    displayName: 'Macca Jansen',
    mail: 'macca@student.uni-waal.example',
    affiliations: ['student'],
    activeEnrollment: true,
  },
  offering: {
    offeringId,
    offeringType: 'course',
    name: [{ language: 'en-GB', value: 'Machine Learning' }],
    description: [{ language: 'en-GB', value: 'Supervised learning.' }],
    teachingLanguage: 'eng',
    resultExpected: true,
    startDate: '2026-09-01',
    endDate: '2027-08-31',
  },
  issuer: {
    organizationId: '1b7c9f0e-2d3a-5b4c-9d8e-7f6a5b4c3d2e',
    organizationType: 'root',
    primaryCode: { codeType: 'identifier', code: 'uni-waal' },
    name: [{ language: 'nl-NL', value: 'Universiteit aan de Waal' }],
    shortName: 'uni-waal',
  },
});

const OFFERING = '4c5b1f2e-0000-4000-8000-000000000001';

describe("the OOAPI client, against a stand-in for an institution's system over HTTP", () => {
  let stub: OoapiStub;
  // Generous by default: the first exchange compiles the validators on both sides, slow on a busy machine.
  const client = (timeoutMs = 15000) =>
    new OoapiClient({
      ...stub.connection('uni-eem'),
      clientSecret: stub.clientSecret,
      timeoutMs,
    });

  beforeAll(async () => {
    stub = await OoapiStub.start({ 'uni-eem': 'uni-eem-system' });
  });
  afterAll(() => stub.close());
  afterEach(() => {
    expect(stub.sentViolations).toEqual([]);
    expect(stub.answerViolations).toEqual([]);
  });

  it('signs in once with client credentials and reuses the token for every call', async () => {
    const c = client();
    const before = stub.tokensIssued;
    const created = await c.createAssociation(association(OFFERING));
    expect(created).toMatchObject({ state: 'pending', message: [{ value: 'Received' }] });
    await c.association(created.associationId);
    await c.cancelAssociation(created.associationId);
    expect((await c.association(created.associationId)).state).toBe('canceled');
    expect(stub.tokensIssued - before).toBe(1);
    expect(c.tokensFetched).toBe(1);
  });

  it('fetches a new token when the system refuses the one it has (401), once', async () => {
    const c = client();
    const created = await c.createAssociation(association(OFFERING));
    stub.revokeTokens();
    expect((await c.association(created.associationId)).state).toBe('pending');
    expect(c.tokensFetched).toBe(2);
  });

  it('fetches a new token shortly before the one it has expires', async () => {
    stub.tokenLifetimeSeconds = 1;
    try {
      const c = client();
      const { associationId } = await c.createAssociation(association(OFFERING));
      await new Promise((resolve) => setTimeout(resolve, 600));
      await c.association(associationId);
      expect(c.tokensFetched).toBe(2);
    } finally {
      stub.tokenLifetimeSeconds = 3600;
    }
  });

  it('takes nothing from an answer the standard does not allow, and says why', async () => {
    const c = client();
    stub.answers.push({ status: 201, body: { associationId: 'A-17', state: 'approved' } });
    const refused = await c.createAssociation(association(OFFERING)).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(OoapiProtocolError);
    expect((refused as OoapiProtocolError).violations.join('\n')).toMatch(
      /associationId|state|message/,
    );
    stub.answers.push({ status: 200, body: 'not json' });
    expect(await c.association(randomId()).catch((e: Error) => e)).toBeInstanceOf(
      OoapiProtocolError,
    );
  });

  it('sends nothing the standard does not allow', async () => {
    const c = client();
    const calls = stub.calls.length;
    const wrong = association(OFFERING);
    wrong.offering.teachingLanguage = 'english';
    const refused = await c.createAssociation(wrong).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(OoapiRequestError);
    expect(stub.calls.length).toBe(calls);
  });

  it('reads a whole catalogue, every list page by page, and takes nothing from a page the standard does not allow', async () => {
    const courses = ['A', 'B', 'C'].map((code) => ooapiCourse(`C-${code}`, `Course ${code}`, 5));
    stub.catalogue = courses.map((course, i) => ({
      course,
      offerings: Array.from({ length: i + 1 }, (_, n) =>
        ooapiOffering(course, {
          code: `${course.primaryCode.code}-${n}`,
          places: 10,
          startDate: '2027-02-01',
          endDate: '2027-04-16',
          description: 'A run of the course.',
        }),
      ),
    }));
    stub.maxPageSize = 2;
    try {
      const calls = stub.calls.length;
      const catalogue = await client().catalogue(10);
      expect(catalogue.map((e) => [e.course.courseId, e.offerings.length])).toEqual(
        courses.map((c, i) => [c.courseId, i + 1]),
      );
      // Two pages of courses; one page of offerings for the first two courses, two for the third.
      expect(stub.calls.slice(calls)).toEqual([
        'GET /courses',
        'GET /courses',
        ...courses.map((c) => `GET /courses/${c.courseId}/offerings`),
        `GET /courses/${courses[2].courseId}/offerings`,
      ]);
      stub.catalogueAnswers.push({
        path: '/courses',
        status: 200,
        body: { pageSize: 2, pageNumber: 1, items: [{ courseId: 'C-A' }] },
      });
      const refused = await client()
        .catalogue()
        .catch((e: Error) => e);
      expect(refused).toBeInstanceOf(OoapiProtocolError);
      expect((refused as OoapiProtocolError).operation).toBe('GET /courses');
    } finally {
      stub.catalogue = undefined;
      stub.maxPageSize = 250;
    }
  });

  it('gives up on a system that does not answer in time, and on one that is down', async () => {
    stub.delayMs = 1000;
    try {
      const started = Date.now();
      const late = await client(300)
        .createAssociation(association(OFFERING))
        .catch((e: Error) => e);
      expect(late).toBeInstanceOf(OoapiUnavailableError);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      stub.delayMs = 0;
    }
    stub.answers.push({ status: 503, body: { status: '503', title: 'Maintenance' } });
    expect(
      await client()
        .association(randomId())
        .catch((e: Error) => e),
    ).toBeInstanceOf(OoapiUnavailableError);
  });
});

function randomId(): string {
  return '0d6e1c2b-3a4f-4e5d-8c7b-6a5f4e3d2c1b';
}
