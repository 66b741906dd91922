import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@lr/queue';
import { AuditAddressRetention } from '@lr/workflow';

/** Addresses expire by the day; an hourly run keeps none more than an hour past its retention. */
const INTERVAL_MS = 3600 * 1000;

/** Forgets expired client addresses of the audit log when the worker starts and every hour after. */
@Injectable()
export class AddressRetentionSchedulerService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(AddressRetentionSchedulerService.name);
  private readonly task: PeriodicTask;

  constructor(retention: AuditAddressRetention) {
    this.task = new PeriodicTask(
      async () => {
        const forgotten = await retention.forgetExpired();
        if (forgotten > 0) this.logger.log(`Forgot ${forgotten} expired client addresses.`);
      },
      INTERVAL_MS,
      (error) => this.logger.error(`Forgetting expired client addresses failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start({ immediately: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
