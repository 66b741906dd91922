import { JOB_NAMES, jobIdFor } from '@lr/queue';
import type {
  CatalogueSyncUseCase,
  DeliverAdmissionRequestUseCase,
  EmailNotificationsUseCase,
  HostAssociationsUseCase,
  ReceiveResultUseCase,
  TimerJobsUseCase,
} from '@lr/workflow';
import { JobHandlers } from './job-handlers';

describe('the job catalogue', () => {
  it('has exactly one handler for every job name', () => {
    const handlers = new JobHandlers(
      {} as DeliverAdmissionRequestUseCase,
      {} as ReceiveResultUseCase,
      {} as TimerJobsUseCase,
      {} as EmailNotificationsUseCase,
      {} as HostAssociationsUseCase,
      {} as CatalogueSyncUseCase,
    );
    expect(handlers.names().sort()).toEqual([...JOB_NAMES].sort());
  });

  it('derives job ids from the data, without the colon BullMQ refuses', () => {
    const data = { requestId: 'r', componentId: 'c1', expectedVersion: 3 };
    expect(jobIdFor('admission.deliver-request', data)).toBe('c1-admission_deliver-request-v3');
    expect(jobIdFor('admission.deliver-request', data)).toBe(
      jobIdFor('admission.deliver-request', { ...data }),
    );
    expect(jobIdFor('result.deliver-home', data)).not.toBe(
      jobIdFor('admission.deliver-request', data),
    );
    expect(jobIdFor('timer.decision-overdue', data)).toBe('c1-timer_decision-overdue-v3');
    expect(jobIdFor('notification.send-email', { notificationId: 'n1' })).toBe('email-n1');
    expect(jobIdFor('catalogue.sync', { institutionCode: 'uni-eem', runKey: 'k1' })).toBe(
      'catalogue-sync-k1',
    );
    for (const name of JOB_NAMES)
      expect(
        jobIdFor(name, { ...data, notificationId: 'n', institutionCode: 'uni-eem' }),
      ).not.toContain(':');
  });
});
