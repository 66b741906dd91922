import { Injectable } from '@nestjs/common';
import type { JobContext, JobName, JobOf } from '@lr/queue';
import {
  CatalogueSyncUseCase,
  DeliverAdmissionRequestUseCase,
  EmailNotificationsUseCase,
  HostAssociationsUseCase,
  ReceiveResultUseCase,
  TimerJobsUseCase,
} from '@lr/workflow';

export type JobHandlerMap = {
  [N in JobName]: (data: JobOf<N>, job: JobContext) => Promise<unknown>;
};

/** Exactly one handler per job name: a job name without a handler does not compile. */
@Injectable()
export class JobHandlers {
  private readonly byName: JobHandlerMap;

  constructor(
    deliverAdmission: DeliverAdmissionRequestUseCase,
    receiveResult: ReceiveResultUseCase,
    timers: TimerJobsUseCase,
    email: EmailNotificationsUseCase,
    associations: HostAssociationsUseCase,
    catalogueSync: CatalogueSyncUseCase,
  ) {
    this.byName = {
      'admission.deliver-request': (data) => deliverAdmission.execute(data),
      'result.deliver-home': (data) => receiveResult.execute(data),
      'timer.decision-reminder': (data) => timers.decisionReminder(data),
      'timer.decision-overdue': (data) => timers.decisionOverdue(data),
      'timer.enrolment-deadline': (data) => timers.enrolmentDeadline(data),
      'notification.send-email': (data) => email.send(data),
      'association.cancel': (data) => associations.cancel(data),
      // Its run is recorded under the job's id: each attempt finds it again.
      'catalogue.sync': (data, job) => catalogueSync.execute(data, job),
    };
  }

  names(): JobName[] {
    return Object.keys(this.byName) as JobName[];
  }

  run<N extends JobName>(name: N, data: JobOf<N>, job: JobContext): Promise<unknown> {
    return (this.byName[name] as (data: JobOf<N>, job: JobContext) => Promise<unknown>)(data, job);
  }
}
