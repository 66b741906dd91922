import { DevIssuerHost } from '@lr/auth';
import { PersonEntity } from '@lr/database';
import { REGISTERED_INSTITUTIONS, SignedInPerson } from '@lr/institutions';
import { waitFor } from '@lr/testing';
import type { RequestView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { Mail, MailServer, startMailServer } from './mail-server';
import { TestApp } from './test-app';

// People no seed knows: each is recorded from what their institution's sign-in says of them.
const student: SignedInPerson = {
  id: 'waal-7f3a91',
  role: 'student',
  name: 'Lotte Visser',
  email: 'lotte.visser@student.uni-waal.example',
  // Programmes of a student come from the home system, whatever the token says.
  programmeCodes: [],
};
const boardMember: SignedInPerson = {
  id: 'waal-eb-c41d',
  role: 'exam-board',
  name: 'Dr. Ilse Mertens',
  email: 'ilse.mertens@uni-waal.example',
  programmeCodes: ['msc-food', 'msc-plant'],
};
const hostAdmissions: SignedInPerson = {
  id: 'ijssel-adm-93b2',
  role: 'host-admissions',
  name: 'Pieter Admissions',
  email: 'pieter@uni-ijssel.example',
  programmeCodes: [],
};
const hostRegistrar: SignedInPerson = {
  id: 'ijssel-reg-5e70',
  role: 'registrar',
  name: 'Fenna Registrar',
  email: 'fenna@uni-ijssel.example',
  programmeCodes: [],
};
const homeRegistrar: SignedInPerson = {
  id: 'waal-reg-0a1c',
  role: 'registrar',
  name: 'Joost Registrar',
  email: 'joost@uni-waal.example',
  programmeCodes: [],
};

describe('people from their first sign-in', () => {
  const mails: Mail[] = [];
  let mailServer: MailServer;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    mailServer = await startMailServer({ received: mails });
    t = await TestApp.start({ env: { SMTP_URL: mailServer.url } });
    j = new Journey(t);
    // What uni-waal's own administration holds of the student (its in-app student information system).
    await t.ownerQuery(
      `INSERT INTO student_register (institution_code, subject, student_number, programme_codes, tuition)
       VALUES ('uni-waal', $1, 's2084411', '{msc-food}', $2)`,
      [
        student.id,
        JSON.stringify([
          {
            academicYear: '2026-2027',
            paid: true,
            reference: 'BBC-WAAL-2026-s2084411',
            issuedOn: '2026-09-01',
          },
        ]),
      ],
    );
  });
  afterAll(async () => {
    await t.close();
    await mailServer.close();
  });

  const as = (institutionCode: string, person: SignedInPerson) =>
    t.asSignedIn(institutionCode, person);
  const row = (institutionCode: string, id: string) =>
    t.dataSource.manager.findOneBy(PersonEntity, { institutionCode, id });
  const path = (view: RequestView, action: string) =>
    `/requests/${view.id}/components/${view.components[0].id}/${action}`;

  it('takes a route-5 request from submission to credits with people no seed knows, mailing the exam board', async () => {
    // The board member has signed in once (today, say, to look at the inbox): from then on they are told.
    expectStatus(await as('uni-waal', boardMember).get('/inbox/exam-board'), 200);
    expect(await row('uni-waal', boardMember.id)).toMatchObject({
      role: 'exam-board',
      name: boardMember.name,
      email: boardMember.email,
      programmeCodes: ['msc-food', 'msc-plant'],
      studentNumber: null,
    });

    const draft = expectStatus(
      await as('uni-waal', student).post('/requests', {
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
    expect(draft.components[0].route).toBe(5);
    expect(await row('uni-waal', student.id)).toMatchObject({
      role: 'student',
      name: student.name,
      studentNumber: 's2084411',
      programmeCodes: ['msc-food'],
    });
    expectStatus(await as('uni-waal', student).post(`/requests/${draft.id}/submit`), 200);
    const submitted = expectStatus(await as('uni-waal', student).get(`/requests/${draft.id}`), 200)
      .body as RequestView;
    expect(submitted.homeProgramme.code).toBe('msc-food');

    await waitFor(
      () => Promise.resolve(mails.some((m) => m.to === boardMember.email) || undefined),
      {
        timeoutMs: 15000,
      },
    );
    expect(mails.find((m) => m.to === boardMember.email)?.body).toMatch(/Machine Learning/);

    expectStatus(
      await as('uni-waal', boardMember).post(path(draft, 'approval'), { decision: 'approve' }),
      200,
    );
    await j.waitForState(draft.components[0].id, 'awaiting_admission');

    const seenByHost = expectStatus(
      await as('uni-ijssel', hostAdmissions).get(`/requests/${draft.id}`),
      200,
    ).body as RequestView;
    expect(seenByHost.student).toEqual({
      id: student.id,
      name: student.name,
      studentNumber: 's2084411',
      email: student.email,
    });
    expectStatus(
      await as('uni-ijssel', hostAdmissions).post(path(draft, 'admission'), { decision: 'admit' }),
      200,
    );
    expectStatus(
      await as('uni-ijssel', hostRegistrar).post(path(draft, 'result'), {
        final: true,
        grade: '8',
        passed: true,
        credits: 6,
      }),
      200,
    );
    await j.waitForState(draft.components[0].id, 'recognised');
    expectStatus(await as('uni-waal', homeRegistrar).post(path(draft, 'registration')), 201);

    const record = expectStatus(
      await as('uni-waal', student).get(`/students/${student.id}/credit-record`),
      200,
    ).body;
    expect(record.totals).toEqual({ EC: 6 });
    const exported = expectStatus(await as('uni-waal', student).get('/me/export'), 200).body;
    expect(JSON.stringify(exported)).toContain('s2084411');
    // Every party is on record under their own institution, from their sign-in alone.
    const recorded = await t.dataSource.query<{ key: string }[]>(
      `SELECT institution_code || '/' || id || '/' || role AS key FROM people WHERE id = ANY($1)`,
      [[hostAdmissions.id, hostRegistrar.id, homeRegistrar.id]],
    );
    expect(recorded.map((r) => r.key).sort()).toEqual([
      `uni-ijssel/${hostAdmissions.id}/host-admissions`,
      `uni-ijssel/${hostRegistrar.id}/registrar`,
      `uni-waal/${homeRegistrar.id}/registrar`,
    ]);
  });

  it('refuses a student their home institution does not know, with a problem that says so', async () => {
    const stranger = { ...student, id: 'waal-unknown-1', name: 'Not Enrolled' };
    const response = await as('uni-waal', stranger).get('/requests');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'PERSON.UNKNOWN_TO_HOME_INSTITUTION' });
    expect(response.body.detail).toMatch(/student information system does not know you/);
    expect(await row('uni-waal', stranger.id)).toBeNull();
  });

  it('refuses a token of a known institution that grants no role, saying what grants one', async () => {
    const waal = REGISTERED_INSTITUTIONS.find((d) => d.code === 'uni-waal')!;
    const claims = {
      ...waal.signIn.claims.claimsOf({ ...homeRegistrar, id: 'waal-nobody-1' }),
      eduperson_affiliation: ['employee', 'member'],
      eduperson_entitlement: [],
    };
    const token = await t.app
      .get(DevIssuerHost)
      .issuer.sign('uni-waal', claims, { audience: t.config.oidcAudience });
    const response = await t.http().get('/requests').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'PERSON.NO_ROLE' });
    expect(response.body.detail).toMatch(/uni-waal\.example.*no role in Leerroutes/);
    expect(response.body.detail).toContain('urn:mace:uni-waal.example:leerroutes:role:');
    expect(await row('uni-waal', 'waal-nobody-1')).toBeNull();

    // A token of an organisation no institution here has stays a refused sign-in.
    const foreign = await t.app
      .get(DevIssuerHost)
      .issuer.sign(
        'uni-waal',
        { ...claims, schac_home_organization: 'elsewhere.example' },
        { audience: t.config.oidcAudience },
      );
    const refused = await t.http().get('/requests').set('Authorization', `Bearer ${foreign}`);
    expect(refused.status).toBe(401);
  });

  it('updates the row when a later token says something else of the person, and only then', async () => {
    const registrar = { ...homeRegistrar, id: 'waal-reg-77c2' };
    expectStatus(await as('uni-waal', registrar).get('/notifications'), 200);
    const changed = {
      ...registrar,
      role: 'admin' as const,
      name: 'Joost van Dijk',
      email: 'j.vandijk@uni-waal.example',
    };
    expectStatus(await as('uni-waal', changed).get('/notifications'), 200);
    expect(await row('uni-waal', registrar.id)).toMatchObject({
      role: 'admin',
      name: 'Joost van Dijk',
      email: 'j.vandijk@uni-waal.example',
    });
    // The same claims again write nothing: a row changed meanwhile stays as it is.
    await t.ownerQuery(`UPDATE people SET name = 'Changed elsewhere' WHERE id = $1`, [
      registrar.id,
    ]);
    expectStatus(await as('uni-waal', changed).get('/notifications'), 200);
    expect((await row('uni-waal', registrar.id))?.name).toBe('Changed elsewhere');
  });
});
