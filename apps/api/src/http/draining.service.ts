import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';

/**
 * On SIGTERM the API first reports itself unavailable in /health while still serving, so that a load balancer
 * stops sending new requests, and only then closes.
 */
@Injectable()
export class DrainingService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DrainingService.name);
  draining = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    this.logger.log(
      `Shutting down (${signal ?? 'close'}): /health reports unavailable for ${this.config.shutdownDrainMs} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, this.config.shutdownDrainMs));
  }
}
