import { Journey, expectStatus } from './journey';
import { TestApp } from './test-app';

// Data minimisation (AVG): a host's staff see what they need to admit, enrol and grade, and nothing the student
// told their own exam board or that board decided.
describe("the host's view of a request", () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const HOST_VIEW = [
    'components',
    'homeInstitution',
    'id',
    'status',
    'student',
    'timeline',
    'version',
  ];
  const HOST_COMPONENT = [
    'enrolmentReference',
    'host',
    'id',
    'offering',
    'position',
    'proofOfPaidTuition',
    'rejection',
    'result',
    'route',
    'state',
    'version',
    'waitingListPosition',
  ];
  const TUITION_PROOF = ['academicYear', 'issuedBy', 'issuedOn', 'reference', 'status'];
  const keys = (o: object) => Object.keys(o).sort();
  const SECRETS = [
    'This learning route fits my graduation plan.',
    'because it completes my profile',
    'Approved: it fits the profile of the food programme.',
  ];
  const expectHostView = (view: Record<string, unknown> & { components: object[] }) => {
    expect(keys(view)).toEqual(HOST_VIEW);
    expect(keys(view.student as object)).toEqual(['email', 'id', 'name', 'studentNumber']);
    for (const c of view.components) expect(keys(c)).toEqual(HOST_COMPONENT);
    for (const c of view.components as { proofOfPaidTuition: object | null }[]) {
      if (c.proofOfPaidTuition) expect(keys(c.proofOfPaidTuition)).toEqual(TUITION_PROOF);
    }
    const text = JSON.stringify(view);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  };

  it('shows admissions and the host registrar only the student, the components at the host and what the host did', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-life', request, 0, {
      motivation: 'Approved: it fits the profile of the food programme.',
    });

    const seen = expectStatus(
      await t.as('ijssel-admissions').get(`/requests/${request.id}`),
      200,
    ).body;
    expectHostView(seen);
    expect(seen.student).toEqual({
      id: 'macca',
      name: 'Macca Janssen',
      studentNumber: 's1029384',
      email: 'macca@student.uni-waal.example',
    });
    expect(seen.homeInstitution.code).toBe('uni-waal');
    // A university host asks for proof of paid tuition (tuition-proof.e2e-spec covers who gets it).
    expect(seen.components[0].proofOfPaidTuition).toMatchObject({ status: 'paid' });
    expect(seen.timeline.map((e: { event: string }) => e.event)).toEqual(['deliver_to_host']);

    // Host inboxes leave out the home side's facts; the exam board's inbox keeps them.
    const HOST_INBOX_ITEM = [
      'componentId',
      'credits',
      'creditUnit',
      'enrolmentDeadline',
      'homeInstitutionCode',
      'hostInstitutionCode',
      'offeringId',
      'offeringTitle',
      'placesLeft',
      'requestId',
      'route',
      'state',
      'studentId',
      'studentName',
      'updatedAt',
      'version',
      'waitingList',
    ].sort();
    const inbox = async (person: string, kind: string) =>
      expectStatus(await t.as(person).get(`/inbox/${kind}`), 200).body.items as object[];
    // Admissions, who enrol, also get the proof of paid tuition sent with the component.
    const admissions = await inbox('ijssel-admissions', 'admissions');
    expect(admissions.length).toBeGreaterThan(0);
    for (const item of admissions) {
      expect(keys(item)).toEqual([...HOST_INBOX_ITEM, 'proofOfPaidTuition'].sort());
    }

    // After a decision the host reads the same view again.
    const admitted = (await j.act('ijssel-admissions', j.path(request, 0, 'admission'), {
      decision: 'admit',
    })) as unknown as Record<string, unknown> & {
      timeline: { event: string }[];
      components: object[];
    };
    expectHostView(admitted);
    expect(admitted.timeline.map((e: { event: string }) => e.event)).toEqual([
      'deliver_to_host',
      'admit',
    ]);

    const graded = (await j.act('ijssel-registrar', j.path(request, 0, 'result'), {
      grade: '7',
      passed: true,
      credits: 6,
      final: false,
    })) as unknown as Record<string, unknown> & { components: { result: unknown }[] };
    expectHostView(graded);
    expect(graded.components[0].result).toMatchObject({ grade: '7' });
    const results = await inbox('ijssel-registrar', 'results');
    expect(results.length).toBeGreaterThan(0);
    for (const item of results) expect(keys(item)).toEqual(HOST_INBOX_ITEM);
    const other = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-ML' }]);
    const board = (await inbox('waal-eb-nutrition', 'exam-board')) as { requestId: string }[];
    const waiting = board.find((i) => i.requestId === other.id);
    expect(keys(waiting!)).toEqual(
      [...HOST_INBOX_ITEM, 'decisionDueAt', 'homeProgrammeCode'].sort(),
    );

    // The student and their own exam board still see everything.
    const own = await j.view('macca', request.id);
    expect(own.motivation).toBe('This learning route fits my graduation plan.');
    expect(own.components[0].approval).not.toBeNull();
    expect(keys(await j.view('waal-eb-life', request.id))).toEqual(
      expect.arrayContaining(['motivation', 'homeProgramme', 'submittedAt']),
    );
  });

  type Timeline = { componentId: string; event: string; actor: { role: string } }[];

  it("shows host admissions of the student's own institution (route 4) only what the host side did", async () => {
    // Kyra takes a unit of hs-delta's sports-teacher programme: home and host are one institution.
    const request = await j.submitted('kyra', [{ offering: 'hs-delta/ALO-BD1' }]);
    expect(request.components[0].route).toBe(4);
    await j.approved('delta-eb-pabo', request, 0, { motivation: SECRETS[2] });

    const seen = expectStatus(await t.as('delta-admissions').get(`/requests/${request.id}`), 200)
      .body as { timeline: Timeline } & Record<string, unknown> & { components: object[] };
    expectHostView(seen);
    // The host's delivery, not the student's creation and submission nor the exam board's approval.
    expect(seen.timeline.map((e) => e.event)).toEqual(['deliver_to_host']);

    const refused = (await j.act('delta-admissions', j.path(request, 0, 'admission'), {
      decision: 'refuse',
      reason: 'The unit needs a sports-medical certificate.',
    })) as unknown as { timeline: Timeline } & Record<string, unknown> & { components: object[] };
    expectHostView(refused);
    expect(refused.timeline.map((e) => `${e.event} by ${e.actor.role}`)).toEqual([
      'deliver_to_host by system',
      'refuse_admission by host-admissions',
    ]);
  });

  it('shows each host of a two-host request only its own component and its own steps', async () => {
    const request = await j.submitted('aurelie', [
      { offering: 'uni-ijssel/DS-VIS' },
      { offering: 'hs-westland/TB-KAS-TOM' },
    ]);
    await j.approved('waal-eb-life', request, 0, { motivation: SECRETS[2] });
    await j.approved('waal-eb-life', request, 1, { motivation: SECRETS[2] });

    for (const [admissions, index] of [
      ['ijssel-admissions', 0],
      ['westland-admissions', 1],
    ] as const) {
      const seen = expectStatus(await t.as(admissions).get(`/requests/${request.id}`), 200)
        .body as { timeline: Timeline } & Record<string, unknown> & { components: object[] };
      expectHostView(seen);
      const own = request.components[index].id;
      expect(seen.components.map((c) => (c as { id: string }).id)).toEqual([own]);
      expect(seen.timeline.map((e) => [e.componentId, e.event])).toEqual([
        [own, 'deliver_to_host'],
      ]);
    }
  });
});
