import { Injectable, Logger } from '@nestjs/common';
import { ComponentEntity } from '@lr/database';
import { AssociationState, NotFoundError, SYSTEM_ACTOR, associationStateOf } from '@lr/domain';
import { OoapiHosts } from '@lr/institutions';
import type { AssociationPatch } from '@lr/ooapi';
import type { ComponentJob } from '@lr/queue';
import {
  AssociationChange,
  AssociationChanges,
  STATES_AWAITING_THE_HOST,
} from './association-changes';
import { AssociationRequests } from './association-requests';
import { RequestStore } from '../writer/request-store';

/** The answer Leerroutes gives a host that told it of a change: the association as Leerroutes now has it. */
export interface AssociationAcknowledgement {
  associationId: string;
  state: AssociationState;
}

/** How many associations one poll asks about at most; the rest wait for the next round. */
const POLL_BATCH = 50;
/** While one worker asks about an association, the others leave it alone for this long. */
const POLL_LEASE_MS = 5 * 60_000;

/**
 * What hosts whose own system takes part over OOAPI tell Leerroutes after delivery, by calling back or when
 * asked, and what Leerroutes tells them when a student no longer takes part. Both ways of hearing go through
 * AssociationChanges, in a transaction that holds the request: whichever comes first moves the component, the
 * other finds it there.
 */
@Injectable()
export class HostAssociationsUseCase {
  private readonly logger = new Logger(HostAssociationsUseCase.name);

  constructor(
    private readonly store: RequestStore,
    private readonly ooapiHosts: OoapiHosts,
    private readonly changes: AssociationChanges,
    private readonly requests: AssociationRequests,
  ) {}

  /**
   * The host's system calls back (PATCH /ooapi/v5/associations/{id}) with the association's state and/or result.
   * Only its own associations: any other id is unknown to it (404).
   */
  async callback(
    hostInstitutionCode: string,
    associationId: string,
    patch: AssociationPatch,
  ): Promise<AssociationAcknowledgement> {
    const found = await this.store.dataSource.manager.findOneBy(ComponentEntity, {
      hostInstitutionCode,
      associationId,
    });
    if (!found) throw new NotFoundError('association', associationId);
    return this.store.withComponent(SYSTEM_ACTOR, found.requestId, found.id, async (locked) => {
      await this.changes.apply(locked, {
        state: patch.remoteState,
        result: patch.result,
        message: patch.message,
      });
      return {
        associationId,
        state: associationStateOf(locked.component.state) ?? locked.component.associationState!,
      };
    });
  }

  /**
   * Job on the host's queue: the student withdrew (or the component expired) after the host made an
   * association, or after Leerroutes asked for one whose answer it never had (then it asks again to learn it);
   * it is canceled there. Retried while the host's system does not answer; PATCHing canceled twice
   * is harmless.
   */
  async cancel(job: ComponentJob): Promise<'canceled' | 'skipped' | AssociationState> {
    const component = await this.store.dataSource.manager.findOneBy(ComponentEntity, {
      id: job.componentId,
    });
    if (!component || component.associationState === 'canceled') return 'skipped';
    const associationId =
      component.associationId ??
      (component.associationRequestedAt ? await this.requests.recover(component) : null);
    if (!associationId) return 'skipped';
    const answer = await this.ooapiHosts
      .client(component.hostInstitutionCode)
      .cancelAssociation(associationId);
    await this.store.dataSource.manager.update(ComponentEntity, component.id, {
      associationState: answer.state,
    });
    if (answer.state !== 'canceled') {
      this.logger.warn(
        `${component.hostInstitutionCode} kept association ${associationId} ${answer.state} ` +
          'when asked to cancel it',
      );
    }
    return answer.state;
  }

  /**
   * Asks hosts that do not call back: every association whose component waits for the host (admission, the
   * waiting list, a final result) and whose turn has come. A change resets the wait to a minute; each quiet poll
   * doubles it, up to six hours. Workers share the work: each claims a batch the others then skip.
   */
  async pollOnce(): Promise<{ asked: number; changed: number }> {
    const now = this.store.now();
    const claimed = await this.claimDue(now);
    let changed = 0;
    for (const component of claimed) {
      if (await this.poll(component)) changed += 1;
    }
    return { asked: claimed.length, changed };
  }

  private async claimDue(now: Date): Promise<ComponentEntity[]> {
    return this.store.dataSource.transaction(async (em) => {
      const due = await em
        .createQueryBuilder(ComponentEntity, 'c')
        .where('c.association_id IS NOT NULL')
        .andWhere('c.state IN (:...states)', { states: STATES_AWAITING_THE_HOST })
        .andWhere('c.association_poll_due_at <= :now', { now })
        .orderBy('c.association_poll_due_at', 'ASC')
        .limit(POLL_BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length > 0) {
        await em
          .createQueryBuilder()
          .update(ComponentEntity)
          .set({ associationPollDueAt: new Date(now.getTime() + POLL_LEASE_MS) })
          .whereInIds(due.map((c) => c.id))
          .execute();
      }
      return due;
    });
  }

  private async poll(claimed: ComponentEntity): Promise<boolean> {
    let change: AssociationChange | undefined;
    try {
      const association = await this.ooapiHosts
        .client(claimed.hostInstitutionCode)
        .association(claimed.associationId!);
      change = { state: association.state, result: association.result };
    } catch (error) {
      this.logger.warn(
        `Polling association ${claimed.associationId} at ${claimed.hostInstitutionCode} failed: ` +
          (error as Error).message,
      );
    }
    try {
      return await this.store.withComponent(
        SYSTEM_ACTOR,
        claimed.requestId,
        claimed.id,
        async (locked) => {
          if (change && (await this.changes.apply(locked, change))) return true;
          // Nothing new (or no answer): ask again later, each time later still.
          await this.changes.schedulePoll(
            locked,
            locked.component.associationPollsUnchanged + 1,
            locked.now,
          );
          return false;
        },
      );
    } catch (error) {
      // A result the host gives that cannot be recorded here: said in the log, asked again later.
      this.logger.warn(
        `Association ${claimed.associationId} at ${claimed.hostInstitutionCode}: ${(error as Error).message}`,
      );
      await this.store.withComponent(SYSTEM_ACTOR, claimed.requestId, claimed.id, (locked) =>
        this.changes.schedulePoll(
          locked,
          locked.component.associationPollsUnchanged + 1,
          locked.now,
        ),
      );
      return false;
    }
  }
}
