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
 * hosts' associations and the schedules of catalogue synchronisations. A lib, so that no app imports another's
 * source: the worker app (apps/worker) runs it as its own process, and the API's tests run it beside the API in
 * one process.
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
export class JobsModule {}
