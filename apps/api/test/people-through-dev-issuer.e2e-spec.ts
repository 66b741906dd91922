import { decodeJwt } from 'jose';
import { PersonEntity } from '@lr/database';
import { waitFor } from '@lr/testing';
import type { RequestView } from '@lr/workflow';
import { NewPerson, signInAtDevIssuer } from './dev-sign-in';
import { Journey, expectStatus } from './journey';
import { Mail, MailServer, startMailServer } from './mail-server';
import { TestApp } from './test-app';

/** Someone who signed in at their institution's realm of the development issuer, as the portal makes them. */
interface SignedIn {
  id: string;
  token: string;
}

// Everyone here is new: a developer fills in the sign-in page's form for each, and the portal sends the ID token
// it gets back as its bearer token. Nothing is seeded for them, not even the student's register entry.
describe('a route-5 request taken by people who signed in through the development issuer', () => {
  const mails: Mail[] = [];
  let mailServer: MailServer;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    mailServer = await startMailServer({ received: mails });
    t = await TestApp.start({ env: { SMTP_URL: mailServer.url } });
    j = new Journey(t);
  });
  afterAll(async () => {
    await t.close();
    await mailServer.close();
  });

  const signIn = async (realm: string, person: NewPerson): Promise<SignedIn> => {
    const token = await signInAtDevIssuer(t, realm, person);
    return { id: decodeJwt(token).sub!, token };
  };
  const as = (person: SignedIn) => t.withToken(person.token);
  const path = (view: RequestView, action: string) =>
    `/requests/${view.id}/components/${view.components[0].id}/${action}`;

  it('goes from submission to registered credits, mailing the exam board member who signed in before', async () => {
    const student = await signIn('uni-waal', {
      name: 'Lotte Visser',
      email: 'lotte.visser@student.uni-waal.example',
      role: 'student',
      programme: 'msc-food',
    });
    const boardMember = await signIn('uni-waal', {
      name: 'Dr. Ilse Mertens',
      email: 'ilse.mertens@uni-waal.example',
      role: 'exam-board',
      programme: 'msc-food',
    });
    const hostAdmissions = await signIn('uni-ijssel', {
      name: 'Pieter Admissions',
      email: 'pieter@uni-ijssel.example',
      role: 'host-admissions',
    });
    const hostRegistrar = await signIn('uni-ijssel', {
      name: 'Fenna Registrar',
      email: 'fenna@uni-ijssel.example',
      role: 'registrar',
    });
    const homeRegistrar = await signIn('uni-waal', {
      name: 'Joost Registrar',
      email: 'joost@uni-waal.example',
      role: 'registrar',
    });

    // The board member looks at their inbox once: from then on they are told of new requests.
    expectStatus(await as(boardMember).get('/inbox/exam-board'), 200);
    expect(
      await t.dataSource.manager.findOneBy(PersonEntity, {
        institutionCode: 'uni-waal',
        id: boardMember.id,
      }),
    ).toMatchObject({ role: 'exam-board', programmeCodes: ['msc-food'] });

    const draft = expectStatus(
      await as(student).post('/requests', {
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
    expectStatus(await as(student).post(`/requests/${draft.id}/submit`), 200);
    const submitted = expectStatus(await as(student).get(`/requests/${draft.id}`), 200)
      .body as RequestView;
    expect(submitted.homeProgramme?.code).toBe('msc-food');

    await waitFor(
      () =>
        Promise.resolve(mails.some((m) => m.to === 'ilse.mertens@uni-waal.example') || undefined),
      { timeoutMs: 15000 },
    );
    expect(mails.find((m) => m.to === 'ilse.mertens@uni-waal.example')?.body).toMatch(
      /Machine Learning/,
    );

    expectStatus(await as(boardMember).post(path(draft, 'approval'), { decision: 'approve' }), 200);
    await j.waitForState(draft.components[0].id, 'awaiting_admission');

    // The host sees the student number the development issuer's stand-in for the registrar gave.
    const seenByHost = expectStatus(await as(hostAdmissions).get(`/requests/${draft.id}`), 200)
      .body as RequestView;
    expect(seenByHost.student).toEqual({
      id: student.id,
      name: 'Lotte Visser',
      studentNumber: expect.stringMatching(/^d\d{7}$/),
      email: 'lotte.visser@student.uni-waal.example',
    });
    expectStatus(
      await as(hostAdmissions).post(path(draft, 'admission'), { decision: 'admit' }),
      200,
    );
    expectStatus(
      await as(hostRegistrar).post(path(draft, 'result'), {
        final: true,
        grade: '8',
        passed: true,
        credits: 6,
      }),
      200,
    );
    await j.waitForState(draft.components[0].id, 'recognised');
    expectStatus(await as(homeRegistrar).post(path(draft, 'registration')), 201);

    const record = expectStatus(
      await as(student).get(`/students/${student.id}/credit-record`),
      200,
    ).body;
    expect(record.totals).toEqual({ EC: 6 });
    expect(record.student.studentNumber).toBe(seenByHost.student.studentNumber);
  });
});
