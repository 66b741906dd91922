import { Queue } from 'bullmq';
import { TuitionProofEntity } from '@lr/database';
import {
  InAppStudentInformationSystem,
  StudentRegister,
  SystemContext,
  TuitionProof,
  TuitionQuery,
} from '@lr/institutions';
import { QueuesService } from '@lr/queue';
import { DeliverAdmissionRequestUseCase, RequestView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { IN_APP_INSTITUTIONS, TestApp } from './test-app';

type Component = RequestView['components'][number];

const WAAL = { code: 'uni-waal', name: 'Universiteit aan de Waal' };
const MACCA_PAID = {
  academicYear: '2026-2027',
  status: 'paid',
  reference: 'BBC-WAAL-2026-s1029384',
  issuedBy: WAAL,
  issuedOn: '2026-09-01',
};

/** The proof rows kept for a component: one where it was sent, none where it was not. */
const proofRows = (t: TestApp, componentId: string) =>
  t.dataSource.manager.findBy(TuitionProofEntity, { componentId });

const proofOf = (view: { components: Component[] }) => view.components[0].proofOfPaidTuition;

// Between institutions a student pays tuition once (bewijs betaald collegegeld): a host that asks gets the home
// institution's statement with the component; a host that does not ask gets nothing.
describe('proof of paid tuition', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterAll(() => t.close());

  const admissionsItem = async (admissions: string, componentId: string) => {
    const items = expectStatus(await t.as(admissions).get('/inbox/admissions'), 200).body.items as {
      componentId: string;
      proofOfPaidTuition: unknown;
    }[];
    return items.find((i) => i.componentId === componentId);
  };

  it("gives a university host the home institution's proof; the student sees and exports it", async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-life', request);
    const componentId = request.components[0].id;

    expect(proofOf(await j.view('ijssel-admissions', request.id))).toEqual(MACCA_PAID);
    expect((await admissionsItem('ijssel-admissions', componentId))?.proofOfPaidTuition).toEqual(
      MACCA_PAID,
    );
    expect(proofOf(await j.view('macca', request.id))).toEqual(MACCA_PAID);
    expect(proofOf(await j.view('waal-eb-life', request.id))).toEqual(MACCA_PAID);
    const exported = expectStatus(await t.as('macca').get('/me/export'), 200).body as {
      requests: RequestView[];
    };
    expect(proofOf(exported.requests.find((r) => r.id === request.id)!)).toEqual(MACCA_PAID);
    expect(await proofRows(t, componentId)).toHaveLength(1);
  });

  it('tells the host when the home institution has no record, and when tuition is not paid', async () => {
    const noor = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-VIS' }]);
    await j.approved('waal-eb-nutrition', noor);
    const notProvided = {
      academicYear: '2026-2027',
      status: 'unknown',
      reference: null,
      issuedBy: WAAL,
      issuedOn: null,
    };
    expect(proofOf(await j.view('ijssel-admissions', noor.id))).toEqual(notProvided);
    expect(
      (await admissionsItem('ijssel-admissions', noor.components[0].id))?.proofOfPaidTuition,
    ).toEqual(notProvided);

    const daan = await j.submitted('daan', [{ offering: 'uni-waal/FQD-31306' }]);
    await j.approved('ijssel-eb', daan);
    expect(proofOf(await j.view('waal-admissions', daan.id))).toEqual({
      academicYear: '2026-2027',
      status: 'not-paid',
      reference: 'BBC-IJSSEL-2026-2291837',
      issuedBy: { code: 'uni-ijssel', name: 'Universiteit IJsselland' },
      issuedOn: '2026-10-01',
    });
  });

  it('sends no proof to a host that does not ask for it', async () => {
    const request = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.approved('waal-eb-life', request);
    const componentId = request.components[0].id;

    expect(proofOf(await j.view('westland-admissions', request.id))).toBeNull();
    expect(await admissionsItem('westland-admissions', componentId)).toMatchObject({
      proofOfPaidTuition: null,
    });
    expect(proofOf(await j.view('aurelie', request.id))).toBeNull();
    expect(await proofRows(t, componentId)).toEqual([]);
  });

  it('sends none within the home institution (route 4), even where it asks visiting students', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-waal/PBT-21806' }]);
    await j.approved('waal-eb-life', request);
    const seen = await j.view('waal-admissions', request.id);

    expect(seen.components[0].route).toBe(4);
    expect(proofOf(seen)).toBeNull();
    expect(await proofRows(t, request.components[0].id)).toEqual([]);
  });

  it('sends none before the component reaches the host', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    expect(proofOf(await j.view('macca', request.id))).toBeNull();
  });
});

/** The home institution's own system, refusing its first answers on tuition, then answering from its records. */
class FlakyHomeSystem extends InAppStudentInformationSystem {
  proofCalls = 0;

  constructor(
    register: StudentRegister,
    private failuresLeft: number,
  ) {
    super('uni-waal', register);
  }

  override proofOfPaidTuition(query: TuitionQuery): Promise<TuitionProof | null> {
    this.proofCalls += 1;
    if (this.failuresLeft-- > 0) return Promise.reject(new Error('home system unavailable (503)'));
    return super.proofOfPaidTuition(query);
  }
}

describe("proof of paid tuition from a home institution's system that fails", () => {
  let homeSystem: FlakyHomeSystem;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    const institutions = IN_APP_INSTITUTIONS.map((d) =>
      d.code === 'uni-waal'
        ? {
            ...d,
            studentInformationSystem: ({ register }: SystemContext) =>
              (homeSystem = new FlakyHomeSystem(register, 2)),
          }
        : d,
    );
    t = await TestApp.start({ institutions });
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it('retries the delivery until the home system answers, and sends the proof and the component once', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-life', request);
    const componentId = request.components[0].id;

    expect(homeSystem.proofCalls).toBe(3);
    const queue: Queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    const job = await queue.getJob(`${componentId}-admission_deliver-request-v3`);
    expect(job?.attemptsMade).toBe(3);
    expect(proofOf(await j.view('ijssel-admissions', request.id))).toEqual(MACCA_PAID);
    expect(await proofRows(t, componentId)).toHaveLength(1);
    expect((await j.history(componentId)).filter((e) => e === 'deliver_to_host')).toHaveLength(1);

    // The same job delivered again (at least once) finds the component moved on and adds nothing.
    const again = await t.app
      .get(DeliverAdmissionRequestUseCase)
      .execute({ requestId: request.id, componentId, expectedVersion: 3 });
    expect(again).toBe('skipped');
    expect(await proofRows(t, componentId)).toHaveLength(1);
    expect((await j.history(componentId)).filter((e) => e === 'deliver_to_host')).toHaveLength(1);
  });
});

describe('proof of paid tuition when one delivery runs twice at once', () => {
  let t: TestApp;
  let j: Journey;

  // No worker: the test runs the delivery itself, twice at once, as when a worker's job is taken over by another.
  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it('keeps one proof and one delivery: the second run finds the component moved on', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    const componentId = request.components[0].id;
    const deliver = t.app.get(DeliverAdmissionRequestUseCase);
    const job = { requestId: request.id, componentId, expectedVersion: 3 };

    const outcomes = await Promise.all([deliver.execute(job), deliver.execute(job)]);

    expect(outcomes.sort()).toEqual(['delivered', 'skipped']);
    expect(await proofRows(t, componentId)).toHaveLength(1);
    expect(proofOf(await j.view('ijssel-admissions', request.id))).toEqual(MACCA_PAID);
    expect((await j.history(componentId)).filter((e) => e === 'deliver_to_host')).toHaveLength(1);
  });
});
