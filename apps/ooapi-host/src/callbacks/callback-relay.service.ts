import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, IsNull, LessThanOrEqual } from 'typeorm';
import { OoapiValidator } from '@lr/ooapi';
import { AdmissionsService } from '../admissions/admissions.service';
import { SystemTokenClient } from '../authorization/system-token.client';
import { HOST_CONFIG, HostConfig } from '../config/host-config';
import { CallbackEntity } from '../database/entities';
import { callbackMessage } from '../ooapi/ooapi-representation';

/** The longest wait between two attempts at one callback. */
const MAX_BACKOFF_MS = 10 * 60_000;
/** Associations told per round. */
const BATCH = 20;

/**
 * Tells the caller of every change the admissions office or the registrar made: polls the outbox (callbacks),
 * and for each association with open rows sends PATCH {callbackBase}/ooapi/v5/associations/{id} with the
 * association as it is now, authenticated with this system's own JWT. A failure is retried with exponential
 * backoff until the attempts run out; Leerroutes also polls GET /associations/{id}, so one given up is late,
 * not lost. One relay per database: two processes would send some callbacks twice, which a merge patch of the
 * same state allows.
 */
@Injectable()
export class CallbackRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(CallbackRelay.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    private readonly dataSource: DataSource,
    private readonly admissions: AdmissionsService,
    private readonly tokens: SystemTokenClient,
  ) {}

  /** Starts polling; called once the server listens, since the token comes from its own endpoint. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.deliverDue()
        .catch((error: Error) => this.logger.error(`Callback round failed: ${error.message}`))
        .finally(() => this.schedule(this.config.callbackPollMs));
    }, delayMs);
  }

  /** One round: every association with a callback due. */
  async deliverDue(): Promise<void> {
    const due = await this.dataSource
      .getRepository(CallbackEntity)
      .createQueryBuilder('c')
      .select('c.association_id', 'associationId')
      .where('c.delivered_at IS NULL AND c.abandoned_at IS NULL AND c.next_attempt_at <= now()')
      .groupBy('c.association_id')
      .orderBy('min(c.id)')
      .limit(BATCH)
      .getRawMany<{ associationId: string }>();
    for (const { associationId } of due) {
      if (this.stopped) return;
      await this.deliver(associationId);
    }
  }

  private async deliver(associationId: string): Promise<void> {
    const callbacks = this.dataSource.getRepository(CallbackEntity);
    // The rows first, then the association: a change made in between leaves a row of its own, sent next round.
    const open = await callbacks.find({
      where: {
        associationId,
        deliveredAt: IsNull(),
        abandonedAt: IsNull(),
        nextAttemptAt: LessThanOrEqual(new Date()),
      },
    });
    if (open.length === 0) return;
    const ids = open.map((row) => row.id);
    const attempts = Math.max(...open.map((row) => row.attempts)) + 1;
    const association = await this.admissions.find(associationId);
    const body = callbackMessage(
      association,
      association.offering!.course!,
      await this.admissions.currentResult(associationId),
    );
    const path = `/associations/${associationId}`;
    const violations = (await OoapiValidator.v5()).request({
      method: 'patch',
      path,
      headers: { 'content-type': 'application/merge-patch+json' },
      body,
    });
    if (violations.length > 0) {
      // Our own message breaks the standard: no retry can mend that.
      await callbacks.update(
        { id: In(ids) },
        {
          attempts,
          abandonedAt: new Date(),
          lastError: `not sent, it breaks OOAPI v5: ${violations.join('; ')}`,
        },
      );
      this.logger.error(
        `Callback for association ${associationId} breaks OOAPI v5: ${violations.join('; ')}`,
      );
      return;
    }
    const failure = await this.send(`${association.callbackBase}/ooapi/v5${path}`, body);
    if (failure === undefined) {
      await callbacks.update(
        { id: In(ids) },
        { attempts, deliveredAt: new Date(), lastError: null },
      );
      return;
    }
    const abandon = attempts >= this.config.callbackAttempts;
    const backoff = Math.min(this.config.callbackPollMs * 2 ** attempts, MAX_BACKOFF_MS);
    await callbacks.update(
      { id: In(ids) },
      {
        attempts,
        lastError: failure,
        nextAttemptAt: new Date(Date.now() + backoff),
        abandonedAt: abandon ? new Date() : null,
      },
    );
    this.logger.warn(
      `Callback for association ${associationId} failed (attempt ${attempts}${abandon ? ', given up' : ''}): ${failure}`,
    );
  }

  /** Sends the merge patch; undefined when the caller took it, otherwise what went wrong. */
  private async send(url: string, body: unknown): Promise<string | undefined> {
    try {
      const response = await fetch(url, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${await this.tokens.token()}`,
          'content-type': 'application/merge-patch+json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.callbackTimeoutMs),
      });
      if (response.ok) {
        await response.body?.cancel();
        return undefined;
      }
      if (response.status === 401) this.tokens.forget();
      return `${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      return `${url}: ${(error as Error).message}`;
    }
  }
}
