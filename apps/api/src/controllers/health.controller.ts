import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { QueuesService } from '@lr/queue';
import { Public } from '../http/auth.guard';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueuesService,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether PostgreSQL and Redis answer (503 when one does not)' })
  check() {
    return this.health.check([
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
