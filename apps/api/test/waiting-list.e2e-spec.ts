import { OfferingEntity } from '@lr/database';
import { QueuesService } from '@lr/queue';
import { waitFor } from '@lr/testing';
import { Journey, expectStatus } from './journey';
import { TEST_START, TestApp } from './test-app';

// Data Science Lab (uni-ijssel/DS-LAB) keeps a waiting list; Machine Learning (DS-ML) does not.
describe('waiting lists', () => {
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    t = await TestApp.start();
    j = new Journey(t);
  });
  afterEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  const setCapacity = (code: string, capacity: number) =>
    t.dataSource.query(`UPDATE offerings SET capacity = $2 WHERE code = $1`, [code, capacity]);
  const lab = () => t.dataSource.manager.findOneByOrFail(OfferingEntity, { code: 'DS-LAB' });
  const position = async (student: string, requestId: string) =>
    (await j.view(student, requestId)).components[0].waitingListPosition;
  const notices = async (person: string) =>
    expectStatus(await t.as(person).get('/notifications?pageSize=100'), 200).body.items as {
      kind: string;
      componentId: string;
    }[];

  it('puts students on the list in order when the offering is full at delivery, and admits from it only into a free place', async () => {
    await setCapacity('DS-LAB', 1);
    const first = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-LAB' }]);
    await j.approved('waal-eb-life', first);
    await j.admitted('ijssel-admissions', first);

    const second = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-LAB' }]);
    const third = await j.submitted('aurelie', [{ offering: 'uni-ijssel/DS-LAB' }]);
    await j.act('waal-eb-nutrition', j.path(second, 0, 'approval'), { decision: 'approve' });
    await j.waitForState(second.components[0].id, 'waitlisted');
    // The list is ordered by time; the test's clock stands still unless moved.
    t.clock.set('2026-12-01T09:05:00Z');
    await j.act('waal-eb-life', j.path(third, 0, 'approval'), { decision: 'approve' });
    await j.waitForState(third.components[0].id, 'waitlisted');

    // The student is told why, and where they stand.
    const seen = await j.view('noor', second.id);
    expect(seen.components[0]).toMatchObject({ state: 'waitlisted', waitingListPosition: 1 });
    expect(seen.components[0].enrolmentReference).toEqual(expect.any(String));
    expect(seen.timeline.at(-1)).toMatchObject({
      event: 'waitlist',
      motivation: 'Data Science Lab is full (1 places); the student is on its waiting list.',
    });
    expect(await position('aurelie', third.id)).toBe(2);
    expect(
      (await notices('noor')).some(
        (n) => n.kind === 'waitlist' && n.componentId === second.components[0].id,
      ),
    ).toBe(true);

    // Admissions sees the list in order, with no places left.
    const inbox = expectStatus(
      await t.as('ijssel-admissions').get('/inbox/admissions?state=waitlisted'),
      200,
    ).body;
    expect(inbox.items.map((i: { componentId: string }) => i.componentId)).toEqual([
      second.components[0].id,
      third.components[0].id,
    ]);
    expect(inbox.items[0]).toMatchObject({ placesLeft: 0, waitingList: true });

    const full = await t
      .as('ijssel-admissions')
      .post(j.path(second, 0, 'admission'), { decision: 'admit' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('OFFERING.FULL');
    expect(await j.state(second.components[0].id)).toBe('waitlisted');
    expect((await lab()).enrolledCount).toBe(1);

    // A place comes free: the first in line is admitted, the next moves up.
    await setCapacity('DS-LAB', 2);
    await j.admitted('ijssel-admissions', second);
    expect(await j.state(second.components[0].id)).toBe('enrolled');
    expect(await position('aurelie', third.id)).toBe(1);
    expect((await lab()).enrolledCount).toBe(2);

    // The student may leave the list.
    await j.act('aurelie', j.path(third, 0, 'withdraw'));
    expect(await j.state(third.components[0].id)).toBe('withdrawn');
  });

  it('lets host admissions put a student on the list only where one is kept, and refuse from it with a reason', async () => {
    // Macca is enrolled in the lab since the test above; Aurelie withdrew from its list.
    const onList = await j.submitted('aurelie', [{ offering: 'uni-ijssel/DS-LAB' }]);
    const noList = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-ML' }]);
    await setCapacity('DS-LAB', (await lab()).enrolledCount + 1);
    await j.approved('waal-eb-life', onList);
    await j.approved('waal-eb-nutrition', noList);

    const refused = await t
      .as('ijssel-admissions')
      .post(j.path(noList, 0, 'admission'), { decision: 'waitlist' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OFFERING.NO_WAITING_LIST');
    expect(await j.state(noList.components[0].id)).toBe('awaiting_admission');

    await j.act('ijssel-admissions', j.path(onList, 0, 'admission'), {
      decision: 'waitlist',
      reason: 'Places are kept for students with the Python prerequisite first.',
    });
    expect(await j.state(onList.components[0].id)).toBe('waitlisted');
    expect((await lab()).enrolledCount).toBe((await lab()).capacity - 1);

    const noReason = await t
      .as('ijssel-admissions')
      .post(j.path(onList, 0, 'admission'), { decision: 'refuse' });
    expect(noReason.status).toBe(400);
    await j.act('ijssel-admissions', j.path(onList, 0, 'admission'), {
      decision: 'refuse',
      reason: 'No place came free in time for the project teams.',
    });
    expect((await j.view('aurelie', onList.id)).timeline.at(-1)).toMatchObject({
      event: 'refuse_admission',
      from: 'waitlisted',
      to: 'rejected_by_host',
      motivation: 'No place came free in time for the project teams.',
    });
  });

  it('closes the list at the enrolment deadline: whoever still waits expires, with that reason', async () => {
    await setCapacity('DS-LAB', (await lab()).enrolledCount);
    const request = await j.submitted('aurelie', [{ offering: 'uni-ijssel/DS-LAB' }]);
    await j.act('waal-eb-life', j.path(request, 0, 'approval'), { decision: 'approve' });
    const componentId = request.components[0].id;
    await j.waitForState(componentId, 'waitlisted');

    // The deadline is 2027-03-01, so the list closes at midnight in Amsterdam (23:00 UTC).
    t.clock.set('2027-03-01T23:00:01Z');
    await waitFor(async () => {
      for (const queue of t.app.get(QueuesService).all()) await queue.promoteJobs();
      return (await j.state(componentId)) === 'expired' ? true : undefined;
    });
    expect((await j.view('aurelie', request.id)).timeline.at(-1)).toMatchObject({
      event: 'expire',
      from: 'waitlisted',
      motivation:
        'No place became free before the enrolment deadline of 2027-03-01; the waiting list has closed.',
    });
  });
});
