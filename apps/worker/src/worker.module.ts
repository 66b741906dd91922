import { Module } from '@nestjs/common';
import { OutboxRelayService } from '@lr/queue';
import { AddressRetentionSchedulerService } from './address-retention-scheduler.service';
import { AssociationPollerService } from './association-poller.service';
import { JobHandlers } from './job-handlers';
import { QueueWorkersService } from './queue-workers.service';
import { ReconcilerSchedulerService } from './reconciler-scheduler.service';

/**
 * The job side: queue workers, the outbox relay, the reconciler and the audit addresses' retention. Imported by
 * the worker process, or by the API in one process.
 */
@Module({
  providers: [
    JobHandlers,
    QueueWorkersService,
    OutboxRelayService,
    ReconcilerSchedulerService,
    AddressRetentionSchedulerService,
    AssociationPollerService,
  ],
  exports: [JobHandlers],
})
export class WorkerModule {}
