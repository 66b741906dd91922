import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { QueuesService } from '@lr/queue';
import { Public } from '../http/auth.guard';
import { DrainingService } from '../http/draining.service';
import { Action } from '../http/authorization.guard';
import { RawResponse } from '../http/declared-fields';

@ApiTags('health')
@Public()
// Load balancers and monitors ask often, from one address; a 429 would read as the API being down.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueuesService,
    private readonly lifecycle: DrainingService,
  ) {}

  @Get()
  @Action('health.read')
  @HealthCheck()
  // Terminus documents its report with a schema of its own, not a DTO class; it holds no personal data.
  @RawResponse()
  @ApiOperation({
    summary: 'Whether PostgreSQL and Redis answer, and the API is not shutting down (else 503)',
  })
  check() {
    return this.health.check([
      () => {
        const lifecycle = this.indicators.check('lifecycle');
        return this.lifecycle.draining
          ? lifecycle.down({ message: 'shutting down' })
          : lifecycle.up();
      },
      () => this.database.pingCheck('database', { timeout: 2000 }),
      async () => {
        const redis = this.indicators.check('redis');
        try {
          // While Redis is away ioredis queues commands instead of failing them: bound the wait.
          await Promise.race([
            this.queues.connection.ping(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('no answer within 1 s')), 1000).unref(),
            ),
          ]);
          return redis.up();
        } catch (error) {
          return redis.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
