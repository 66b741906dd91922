import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { PeriodicTask } from '@lr/queue';
import { DeliveryReconciler } from '@lr/workflow';

/** Runs the reconciler when the worker starts (after a Redis wipe, say) and then at a fixed interval. */
@Injectable()
export class ReconcilerSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerSchedulerService.name);
  private readonly task: PeriodicTask;

  constructor(reconciler: DeliveryReconciler, @Inject(APP_CONFIG) config: AppConfig) {
    this.task = new PeriodicTask(
      () => reconciler.reconcileOnce(),
      config.reconcileIntervalMs,
      (error) => this.logger.error(`Reconciliation failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start({ immediately: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
