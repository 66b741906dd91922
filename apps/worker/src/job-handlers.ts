import { Injectable } from '@nestjs/common';
import type { JobName, JobOf } from '@lr/queue';
import {
  DeliverAdmissionRequestUseCase,
  EmailNotificationsUseCase,
  HostAssociationsUseCase,
  ReceiveResultUseCase,
  TimerJobsUseCase,
} from '@lr/workflow';

export type JobHandlerMap = { [N in JobName]: (data: JobOf<N>) => Promise<unknown> };

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
  ) {
    this.byName = {
      'admission.deliver-request': (data) => deliverAdmission.execute(data),
      'result.deliver-home': (data) => receiveResult.execute(data),
      'timer.decision-reminder': (data) => timers.decisionReminder(data),
      'timer.decision-overdue': (data) => timers.decisionOverdue(data),
      'timer.enrolment-deadline': (data) => timers.enrolmentDeadline(data),
      'notification.send-email': (data) => email.send(data),
      'association.cancel': (data) => associations.cancel(data),
    };
  }

  names(): JobName[] {
    return Object.keys(this.byName) as JobName[];
  }

  run<N extends JobName>(name: N, data: JobOf<N>): Promise<unknown> {
    return (this.byName[name] as (data: JobOf<N>) => Promise<unknown>)(data);
  }
}
