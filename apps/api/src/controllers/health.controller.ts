import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '@lr/domain';
import { QueuesService } from '@lr/queue';
import { Public } from '../http/auth.guard';
import { DrainingService } from '../http/draining.service';
import { Action } from '../http/authorization.guard';
import { RawResponse } from '../http/declared-fields';

/**
 * How long one check of PostgreSQL and Redis answers /health. Load balancers, monitors and anyone who finds
 * the public route may ask many times a second; this way a flood costs one ping of each a second, while a
 * dependency that goes down shows within a second.
 */
const CHECK_REUSE_MS = 1000;

/** Whether a ping answers within the time; the error itself goes to the log, never into the answer. */
async function answers(ping: () => Promise<unknown>, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
// Load balancers and monitors ask often, from one address; a 429 would read as the API being down.
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private latest?: { at: number; result: Promise<HealthIndicatorResult> };

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    private readonly lifecycle: DrainingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Action('health.read')
  @HealthCheck()
  // Terminus documents its report with a schema of its own, not a DTO class; it holds no personal data.
  @RawResponse()
  @ApiOperation({
    summary: 'Whether PostgreSQL and Redis answer, and the API is not shutting down (else 503)',
  })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        // Asked every time: a load balancer must see the drain at once, and it costs nothing.
        () => {
          const lifecycle = this.indicators.check('lifecycle');
          return this.lifecycle.draining
            ? lifecycle.down({ message: 'shutting down' })
            : lifecycle.up();
        },
        () => this.dependencies(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus's 503 carries the whole result, which the problem filter does not show: say what is down.
      const { details } = error.getResponse() as HealthCheckResult;
      const states = Object.entries(details).map(([key, { status }]) => `${key} ${status}`);
      throw new ServiceUnavailableException(`Unavailable: ${states.join(', ')}.`);
    }
  }

  /** The latest check of PostgreSQL and Redis while it is fresh, shared by the requests that wait for it. */
  private dependencies(): Promise<HealthIndicatorResult> {
    const now = this.clock.now().getTime();
    if (!this.latest || now - this.latest.at >= CHECK_REUSE_MS) {
      this.latest = { at: now, result: this.ping() };
    }
    return this.latest.result;
  }

  private async ping(): Promise<HealthIndicatorResult> {
    const [database, redis] = await Promise.all([
      answers(() => this.dataSource.query('SELECT 1'), 2000),
      // While Redis is away ioredis queues commands instead of failing them: bound the wait.
      answers(() => this.queues.connection.ping(), 1000),
    ]);
    return { ...this.status('database', database), ...this.status('redis', redis) };
  }

  /** Up or down only: a driver's error names hosts and ports, which are no one's business outside. */
  private status(key: string, error: unknown): HealthIndicatorResult {
    const indicator = this.indicators.check(key);
    if (!error) return indicator.up();
    this.logger.warn(`Health: ${key} is down: ${(error as Error).message}`);
    return indicator.down();
  }
}
