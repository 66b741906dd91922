import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { DevIssuer } from './dev-issuer';

/** Starts the bundled development issuer with the app when development sign-in is on, and stops it after. */
@Injectable()
export class DevIssuerHost implements OnModuleInit, OnApplicationShutdown {
  private running?: DevIssuer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.devTokensEnabled) {
      this.running = await DevIssuer.acquire(this.config.devIssuerPort);
    }
  }

  get issuer(): DevIssuer {
    if (!this.running) throw new Error('Development sign-in is off (DEV_TOKENS_ENABLED=false).');
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.running) await DevIssuer.release(this.running, this.config.devIssuerPort);
    this.running = undefined;
  }
}
