import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { CLOCK, Clock, addDays } from '@lr/domain';

const BATCH = 1000;

/**
 * Forgets the addresses audited calls came from once they are older than AUDIT_ADDRESS_RETENTION_DAYS; the
 * entries themselves stay. Safe in several workers at once: a run that picks a row another run is deleting
 * waits for it and then finds the row gone (the application's role may not lock rows with FOR UPDATE, which
 * needs UPDATE, and does not need to). Small batches keep each transaction short.
 */
@Injectable()
export class AuditAddressRetention {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns how many addresses were forgotten. */
  async forgetExpired(): Promise<number> {
    const before = addDays(this.clock.now(), -this.config.auditAddressRetentionDays);
    let forgotten = 0;
    for (;;) {
      const [, deleted] = await this.dataSource.query<[unknown, number]>(
        `DELETE FROM audit_client_addresses WHERE audit_id IN (
           SELECT audit_id FROM audit_client_addresses WHERE recorded_at < $1
           LIMIT ${BATCH})`,
        [before],
      );
      forgotten += deleted;
      if (deleted < BATCH) return forgotten;
    }
  }
}
