import { Injectable, Logger } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { ComponentEntity } from '@lr/database';
import {
  Actor,
  ConflictError,
  SYSTEM_ACTOR,
  Scope,
  authorizeRole,
  grantedScopes,
} from '@lr/domain';
import type { ComponentJob } from '@lr/queue';
import { Page, PageQuery, offsetOf } from '../queries/pagination';
import { STATES_AWAITING_A_JOB } from '../writer/pending-job';
import { DecisionOutcome, RequestStore } from '../writer/request-store';

/** Where a component is at the admin's institution, for each scope 'delivery-failure.list' grants. */
const SIDE_COLUMN: Partial<Record<Scope, 'homeInstitutionCode' | 'hostInstitutionCode'>> = {
  'own-institution': 'homeInstitutionCode',
  'host-institution': 'hostInstitutionCode',
};

function sideColumn(scope: Scope): 'homeInstitutionCode' | 'hostInstitutionCode' {
  const column = SIDE_COLUMN[scope];
  if (!column) throw new Error(`No list of failed deliveries for the scope ${scope}.`);
  return column;
}

/**
 * What an admin needs to find a failed delivery and send it again. Never the whole component: a host's admin
 * would read what the student told their own exam board, and that board's decision.
 */
export type DeliveryFailure = Pick<
  ComponentEntity,
  | 'id'
  | 'requestId'
  | 'state'
  | 'version'
  | 'homeInstitutionCode'
  | 'hostInstitutionCode'
  | 'deliveryFailedAt'
  | 'updatedAt'
>;

/**
 * A job that failed for good (a host's system down for longer than all retries) leaves its component where it
 * was, marked in its timeline and in the admins' list, until an admin sends it again.
 */
@Injectable()
export class DeliveryFailuresUseCase {
  private readonly logger = new Logger(DeliveryFailuresUseCase.name);

  constructor(private readonly store: RequestStore) {}

  /** Called when the job for this state and version has failed for good; does nothing otherwise. */
  async markFailed(job: ComponentJob, reason: string): Promise<boolean> {
    this.logger.warn(
      `Delivery of ${job.componentId} v${job.expectedVersion} failed for good: ${reason}`,
    );
    return this.store.withComponent(
      SYSTEM_ACTOR,
      job.requestId,
      job.componentId,
      async (locked) => {
        const { component, now } = locked;
        if (component.version !== job.expectedVersion || component.deliveryFailedAt !== null)
          return false;
        await this.store.transition(locked, {
          event: 'delivery_failed',
          actor: SYSTEM_ACTOR,
          // The host's own error stays in the job, for admins; the student sees that it is being handled.
          motivation: 'Delivery failed after every retry; an administrator can send it again.',
          changes: { deliveryFailedAt: now },
        });
        return true;
      },
    );
  }

  async redeliver(actor: Actor, requestId: string, componentId: string): Promise<DecisionOutcome> {
    return this.store.decideOnComponent(actor, requestId, componentId, async (locked) => {
      this.store.authorize(actor, 'component.redeliver', locked);
      if (locked.component.deliveryFailedAt === null) {
        throw new ConflictError(
          'DELIVERY.NOT_FAILED',
          'This component is not waiting after a failed delivery.',
        );
      }
      await this.store.transition(locked, {
        event: 'redeliver',
        actor,
        motivation: 'Sent again by an administrator.',
        changes: { deliveryFailedAt: null },
      });
    });
  }

  /** The failed deliveries in the admin's scopes of the matrix (their institution as home or host), oldest first. */
  async list(actor: Actor, query: PageQuery): Promise<Page<DeliveryFailure>> {
    authorizeRole(actor, 'delivery-failure.list');
    // A component withdrawn after its delivery failed no longer waits for anyone.
    const failed = { deliveryFailedAt: Not(IsNull()), state: In([...STATES_AWAITING_A_JOB]) };
    const [items, total] = await this.store.dataSource.manager.findAndCount(ComponentEntity, {
      select: {
        id: true,
        requestId: true,
        state: true,
        version: true,
        homeInstitutionCode: true,
        hostInstitutionCode: true,
        deliveryFailedAt: true,
        updatedAt: true,
      } satisfies Record<keyof DeliveryFailure, true>,
      where: grantedScopes('delivery-failure.list', actor.role).map((scope) => ({
        ...failed,
        [sideColumn(scope)]: actor.institutionCode,
      })),
      order: { deliveryFailedAt: 'ASC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
