import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { DeliveryReconciler } from '@lr/workflow';

/** Runs the reconciler when the worker starts (after a Redis wipe, say) and then at a fixed interval. */
@Injectable()
export class ReconcilerSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerSchedulerService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly reconciler: DeliveryReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running = this.reconciler
      .reconcileOnce()
      .catch((error: Error) => this.logger.error(`Reconciliation failed: ${error.message}`))
      .finally(() => {
        if (!this.stopped)
          this.timer = setTimeout(() => this.tick(), this.config.reconcileIntervalMs);
      });
  }
}
