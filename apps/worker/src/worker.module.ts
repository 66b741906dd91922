import { Module } from '@nestjs/common';
import { OutboxRelayService } from '@lr/queue';
import { JobHandlers } from './job-handlers';
import { QueueWorkersService } from './queue-workers.service';

/** The job side: queue workers and the outbox relay. Imported by the worker process, or by the API in one process. */
@Module({
  providers: [JobHandlers, QueueWorkersService, OutboxRelayService],
  exports: [JobHandlers],
})
export class WorkerModule {}
