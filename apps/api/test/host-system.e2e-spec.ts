import { Queue } from 'bullmq';
import { QueuesService } from '@lr/queue';
import {
  AdmissionAnnouncement,
  InAppStudentInformationSystem,
  StudentRegister,
  SystemContext,
} from '@lr/institutions';
import { Journey } from './journey';
import { IN_APP_INSTITUTIONS, TestApp } from './test-app';

/** Stands in for the host's own student information system: refuses the first calls, then answers. */
class FlakyHostSystem extends InAppStudentInformationSystem {
  calls: AdmissionAnnouncement[] = [];

  constructor(
    register: StudentRegister,
    private failuresLeft: number,
  ) {
    super('uni-ijssel', register);
  }

  override announceAdmission(announcement: AdmissionAnnouncement): Promise<{ reference: string }> {
    this.calls.push(announcement);
    if (this.failuresLeft-- > 0) return Promise.reject(new Error('host system unavailable (503)'));
    return Promise.resolve({ reference: `SIS-${announcement.offeringCode}-${this.calls.length}` });
  }
}

describe("a host's own system that fails", () => {
  let hostSystem: FlakyHostSystem;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    const institutions = IN_APP_INSTITUTIONS.map((d) =>
      d.code === 'uni-ijssel'
        ? {
            ...d,
            studentInformationSystem: ({ register }: SystemContext) =>
              (hostSystem = new FlakyHostSystem(register, 2)),
          }
        : d,
    );
    t = await TestApp.start({ institutions });
    j = new Journey(t);
  });
  afterAll(() => t.close());

  it('is retried with backoff until it answers; the application is delivered once', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-life', request);

    expect(hostSystem.calls).toHaveLength(3);
    expect(hostSystem.calls.every((c) => c.componentId === request.components[0].id)).toBe(true);
    expect(hostSystem.calls[0]).toMatchObject({
      offeringCode: 'DS-ML',
      studentName: 'Macca Janssen',
      homeInstitutionCode: 'uni-waal',
    });
    const view = await j.view('macca', request.id);
    expect(view.components[0].enrolmentReference).toBe('SIS-DS-ML-3');
    expect(
      (await j.history(request.components[0].id)).filter((e) => e === 'deliver_to_host'),
    ).toHaveLength(1);

    const queue: Queue = t.app.get(QueuesService).get('institution.uni-ijssel');
    const job = await queue.getJob(`${request.components[0].id}-admission_deliver-request-v3`);
    expect(job?.attemptsMade).toBe(3);
    expect(await job?.getState()).toBe('completed');
  });
});
