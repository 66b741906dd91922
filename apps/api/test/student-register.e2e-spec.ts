import { PersonEntity, StudentRegisterEntity } from '@lr/database';
import type { SignedInPerson } from '@lr/institutions';
import type { RequestView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

const student = (id: string): SignedInPerson => ({
  id,
  role: 'student',
  name: 'Sanne Bakker',
  email: `${id}@student.uni-waal.example`,
  // A student's programmes come from the register, whatever the token says.
  programmeCodes: [],
});

const PAID_2026 = {
  academicYear: '2026-2027',
  paid: true,
  reference: 'BBC-WAAL-2026-s3000001',
  issuedOn: '2026-09-01',
};

// uni-waal keeps its students in Leerroutes itself: its admins enter them in the register its in-app student
// information system answers from, and a student it holds can sign in.
describe("an institution's student register, kept by its admins", () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const put = async (admin: string, subject: string, body: object) =>
    t.as(admin).put(`/admin/students/${subject}`, body);
  const get = async (admin: string, subject: string) =>
    t.as(admin).get(`/admin/students/${subject}`);
  const registerRow = (institutionCode: string, subject: string) =>
    t.dataSource.manager.findOneBy(StudentRegisterEntity, { institutionCode, subject });
  const personRow = (institutionCode: string, id: string) =>
    t.dataSource.manager.findOneBy(PersonEntity, { institutionCode, id });

  it('lets a student no seed knows sign in once an admin has entered them, with their programme, number and tuition', async () => {
    const sanne = student('waal-s3000001');
    const refused = await t.asSignedIn('uni-waal', sanne).get('/me');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PERSON.UNKNOWN_TO_HOME_INSTITUTION');

    const entered = expectStatus(
      await put('waal-admin', sanne.id, {
        studentNumber: 's3000001',
        programmeCodes: ['msc-food'],
        tuition: [PAID_2026],
      }),
      200,
    ).body;
    const expected = {
      institutionCode: 'uni-waal',
      subject: sanne.id,
      studentNumber: 's3000001',
      programmeCodes: ['msc-food'],
      tuition: [PAID_2026],
    };
    expect(entered).toEqual(expected);
    expect(expectStatus(await get('waal-admin', sanne.id), 200).body).toEqual(expected);

    const me = expectStatus(await t.asSignedIn('uni-waal', sanne).get('/me'), 200).body;
    expect(me).toMatchObject({ id: sanne.id, role: 'student', programmeCodes: ['msc-food'] });
    expect(await personRow('uni-waal', sanne.id)).toMatchObject({
      studentNumber: 's3000001',
      programmeCodes: ['msc-food'],
    });

    // A host that asks for proof of paid tuition gets the statement the admin entered.
    const draft = expectStatus(
      await t.asSignedIn('uni-waal', sanne).post('/requests', {
        motivation: 'Data science completes my food technology profile.',
        components: [
          {
            offeringId: await j.offeringId('uni-ijssel/DS-ML'),
            countsAs: 'elective-space',
            motivation: 'Machine learning for food quality data.',
          },
        ],
      }),
      201,
    ).body as RequestView;
    expectStatus(await t.asSignedIn('uni-waal', sanne).post(`/requests/${draft.id}/submit`), 200);
    await j.approved('waal-eb-life', draft);
    const seenByHost = await j.view('ijssel-admissions', draft.id);
    expect(seenByHost.student.studentNumber).toBe('s3000001');
    expect(seenByHost.components[0].proofOfPaidTuition).toEqual({
      academicYear: '2026-2027',
      status: 'paid',
      reference: PAID_2026.reference,
      issuedBy: { code: 'uni-waal', name: 'Universiteit aan de Waal' },
      issuedOn: PAID_2026.issuedOn,
    });
  });

  it("corrects an entry and the person's row with it; tuition left out is kept, [] removes it", async () => {
    const lars = student('waal-s3000002');
    expectStatus(
      await put('waal-admin', lars.id, {
        studentNumber: 's3000002',
        programmeCodes: ['msc-food'],
        tuition: [PAID_2026],
      }),
      200,
    );
    expectStatus(await t.asSignedIn('uni-waal', lars).get('/me'), 200);

    const corrected = expectStatus(
      await put('waal-admin', lars.id, {
        studentNumber: 's3000012',
        programmeCodes: ['msc-plant', 'msc-food'],
      }),
      200,
    ).body;
    expect(corrected).toMatchObject({
      studentNumber: 's3000012',
      programmeCodes: ['msc-plant', 'msc-food'],
      tuition: [PAID_2026],
    });
    // What hosts and registrars read of the student changes at once.
    expect(await personRow('uni-waal', lars.id)).toMatchObject({
      studentNumber: 's3000012',
      programmeCodes: ['msc-plant', 'msc-food'],
    });

    const cleared = expectStatus(
      await put('waal-admin', lars.id, {
        studentNumber: 's3000012',
        programmeCodes: ['msc-plant'],
        tuition: [],
      }),
      200,
    ).body;
    expect(cleared.tuition).toEqual([]);
  });

  it('refuses invalid input with a 400 that names the field, and writes nothing', async () => {
    const valid = { studentNumber: 's3000003', programmeCodes: ['msc-food'] };
    const cases: [object, string][] = [
      [{ programmeCodes: ['msc-food'] }, 'studentNumber'],
      [{ ...valid, studentNumber: 's 3000003' }, 'studentNumber'],
      [{ ...valid, studentNumber: '' }, 'studentNumber'],
      [{ ...valid, studentNumber: 3000003 }, 'studentNumber'],
      [{ studentNumber: 's3000003' }, 'programmeCodes'],
      [{ ...valid, programmeCodes: [] }, 'programmeCodes'],
      [{ ...valid, programmeCodes: ['msc-food', 'msc-food'] }, 'programmeCodes'],
      [{ ...valid, programmeCodes: ['msc-cooking'] }, 'programmeCodes.0'],
      [
        { ...valid, tuition: [{ ...PAID_2026, academicYear: '2026-2028' }] },
        'tuition.0.academicYear',
      ],
      [{ ...valid, tuition: [{ ...PAID_2026, issuedOn: '2026-02-30' }] }, 'tuition.0.issuedOn'],
      [{ ...valid, tuition: [{ ...PAID_2026, paid: 'yes' }] }, 'tuition.0.paid'],
      [{ ...valid, tuition: [{ ...PAID_2026, reference: ' ' }] }, 'tuition.0.reference'],
      [{ ...valid, tuition: [PAID_2026, { ...PAID_2026, paid: false }] }, 'tuition'],
      [{ ...valid, tuition: PAID_2026 }, 'tuition'],
      [{ ...valid, institutionCode: 'uni-ijssel' }, 'institutionCode'],
    ];
    const wrong: string[] = [];
    for (const [body, field] of cases) {
      const response = await put('waal-admin', 'waal-s3000003', body);
      const fields = ((response.body.errors ?? []) as { field: string }[]).map((e) => e.field);
      if (response.status !== 400 || !fields.includes(field)) {
        wrong.push(`${JSON.stringify(body)}: ${response.status} ${JSON.stringify(fields)}`);
      }
    }
    expect(wrong).toEqual([]);
    const unknown = await put('waal-admin', 'waal-s3000003', {
      ...valid,
      programmeCodes: ['msc-cooking'],
    });
    expect(unknown.body).toMatchObject({ code: 'STUDENT_REGISTER.UNKNOWN_PROGRAMME' });
    expect(unknown.body.detail).toBe('Universiteit aan de Waal has no programme msc-cooking.');

    // A subject is what OpenID Connect allows: printable ASCII, no spaces.
    const subject = await t.as('waal-admin').put('/admin/students/waal%20s3000003', valid);
    expect(subject.status).toBe(400);
    expect(subject.body.errors).toEqual([{ field: 'subject', messages: [expect.any(String)] }]);

    expect(await registerRow('uni-waal', 'waal-s3000003')).toBeNull();
    expect((await get('waal-admin', 'waal-s3000003')).body.code).toBe('STUDENT.NOT_FOUND');
  });

  it("is for its own institution's admins only: other roles get 403, another institution's admin cannot reach it", async () => {
    const body = { studentNumber: 's3000004', programmeCodes: ['msc-food'] };
    for (const person of ['macca', 'waal-eb-life', 'waal-admissions', 'waal-registrar']) {
      for (const response of [
        await put(person, 'waal-s3000004', body),
        await get(person, 'macca'),
      ]) {
        expect({ person, status: response.status, code: response.body.code }).toEqual({
          person,
          status: 403,
          code: 'ACCESS.FORBIDDEN',
        });
      }
    }

    // An admin names no institution: theirs is the only register they read, and another's programmes are
    // another institution's records.
    expect((await get('ijssel-admin', 'macca')).status).toBe(404);
    const elsewhere = await put('ijssel-admin', 'waal-s3000004', body);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('ACCESS.FORBIDDEN');
    expect(elsewhere.body.detail).toMatch(/msc-food is a programme of Universiteit aan de Waal/);
    expect(await registerRow('uni-waal', 'waal-s3000004')).toBeNull();
    expect(await registerRow('uni-ijssel', 'waal-s3000004')).toBeNull();

    // Its own register may hold the same subject and number: subjects and numbers are each institution's own.
    expectStatus(
      await put('ijssel-admin', 'macca', { studentNumber: 's1029384', programmeCodes: ['msc-ds'] }),
      200,
    );
    expect(expectStatus(await get('waal-admin', 'macca'), 200).body).toMatchObject({
      institutionCode: 'uni-waal',
      programmeCodes: ['msc-food'],
    });
  });

  it("refuses (409) a student number that is another student's at the institution, and changes nothing", async () => {
    const taken = await put('waal-admin', 'waal-s3000005', {
      studentNumber: 's1029384',
      programmeCodes: ['msc-food'],
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'STUDENT_REGISTER.NUMBER_TAKEN',
      detail: "Student number s1029384 is another student's at Universiteit aan de Waal.",
      errors: [{ field: 'studentNumber', messages: [expect.any(String)] }],
    });
    // Nor may an entry be corrected to it.
    const correction = await put('waal-admin', 'noor', {
      studentNumber: 's1029384',
      programmeCodes: ['bsc-nutrition'],
    });
    expect(correction.status).toBe(409);
    expect(await registerRow('uni-waal', 'waal-s3000005')).toBeNull();
    expect((await registerRow('uni-waal', 'noor'))?.studentNumber).toBe('s1050012');
    expect((await personRow('uni-waal', 'noor'))?.studentNumber).toBe('s1050012');
  });
});
