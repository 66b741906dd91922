import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { OoapiHosts } from '@lr/institutions';
import { PeriodicTask } from '@lr/queue';
import { HostAssociationsUseCase } from '@lr/workflow';

/**
 * Asks the systems of hosts that take part over OOAPI about the associations whose turn has come, every
 * OOAPI_POLL_INTERVAL_MS; when a host calls back, its answers here find nothing new. The database says when each
 * is due (with backoff), so nothing is lost when Redis is.
 */
@Injectable()
export class AssociationPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssociationPollerService.name);
  private readonly task: PeriodicTask;

  constructor(
    associations: HostAssociationsUseCase,
    private readonly ooapiHosts: OoapiHosts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.task = new PeriodicTask(
      () => associations.pollOnce(),
      config.ooapiPollIntervalMs,
      (error) => this.logger.error(`Polling hosts' associations failed: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    // Without a host that takes part over OOAPI there is nothing to ask.
    if (this.ooapiHosts.all().length > 0) this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
