import { Module } from '@nestjs/common';
import { OutboxRelayService } from '@lr/queue';
import { AddressRetentionSchedulerService } from './address-retention-scheduler.service';
import { AssociationPollerService } from './association-poller.service';
import { CatalogueSyncSchedulerService } from './catalogue-sync-scheduler.service';
import { JobHandlers } from './job-handlers';
import { QueueWorkersService } from './queue-workers.service';
import { ReconcilerSchedulerService } from './reconciler-scheduler.service';

/**
 * The job side: queue workers, the outbox relay, the reconciler, the audit addresses' retention, the polls of
 * hosts' associations and the schedules of catalogue synchronisations. Imported by the worker process, or by the
 * API in one process.
 */
@Module({
  providers: [
    JobHandlers,
    QueueWorkersService,
    OutboxRelayService,
    ReconcilerSchedulerService,
    AddressRetentionSchedulerService,
    AssociationPollerService,
    CatalogueSyncSchedulerService,
  ],
  exports: [JobHandlers],
})
export class WorkerModule {}
