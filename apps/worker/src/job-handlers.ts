import { Injectable } from '@nestjs/common';
import type { JobName, JobOf } from '@lr/queue';
import { DeliverAdmissionRequestUseCase, ReceiveResultUseCase } from '@lr/workflow';

export type JobHandlerMap = { [N in JobName]: (data: JobOf<N>) => Promise<unknown> };

/** Exactly one handler per job name: a job name without a handler does not compile. */
@Injectable()
export class JobHandlers {
  readonly byName: JobHandlerMap;

  constructor(
    deliverAdmission: DeliverAdmissionRequestUseCase,
    receiveResult: ReceiveResultUseCase,
  ) {
    this.byName = {
      'admission.deliver-request': (data) => deliverAdmission.execute(data),
      'result.deliver-home': (data) => receiveResult.execute(data),
    };
  }
}
