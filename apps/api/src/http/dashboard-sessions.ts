import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import type { Actor } from '@lr/domain';
import { QueuesService } from '@lr/queue';

/** Who opened a queue dashboard session. */
export type DashboardUser = Pick<Actor, 'id' | 'role' | 'institutionCode'>;

/**
 * Queue dashboard sessions, in Redis so that every API process behind a load balancer knows them, and they
 * expire there by themselves. The browser holds a random id, Redis only its hash: a look at Redis gives no
 * session anyone could use.
 */
@Injectable()
export class DashboardSessions {
  constructor(private readonly queues: QueuesService) {}

  async open(user: DashboardUser, lifetimeMs: number): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const { id: personId, role, institutionCode } = user;
    await this.queues.connection.set(
      this.key(id),
      JSON.stringify({ id: personId, role, institutionCode }),
      'PX',
      lifetimeMs,
    );
    return id;
  }

  async find(id: string): Promise<DashboardUser | undefined> {
    const stored = await this.queues.connection.get(this.key(id));
    return stored ? (JSON.parse(stored) as DashboardUser) : undefined;
  }

  private key(id: string): string {
    return `${this.queues.prefix}:dashboard-session:${createHash('sha256').update(id).digest('base64url')}`;
  }
}
