import { Injectable } from '@nestjs/common';
import { OfferingEntity } from '@lr/database';
import {
  ActionName,
  Actor,
  DomainError,
  NotFoundError,
  OfferingStatus,
  Scope,
  authorize,
  dutchDate,
  offeringStatus,
} from '@lr/domain';
import type { OfferingDraft } from '@lr/institutions';
import { OfferingChanges, OfferingWriter } from './offering-writer';
import { Page, PageQuery, offsetOf } from './pagination';
import { RequestStore } from './request-store';

/** An offering as its institution's admins see it: closed or open, with the places taken. */
export type ManagedOfferingView = Omit<OfferingEntity, 'institution' | 'enrolledCount'> & {
  placesTaken: number;
  placesLeft: number;
  status: OfferingStatus;
};

function managedView({
  institution: _i,
  enrolledCount,
  ...offering
}: OfferingEntity): ManagedOfferingView {
  return {
    ...offering,
    placesTaken: enrolledCount,
    placesLeft: offering.capacity - enrolledCount,
    status: offeringStatus(offering),
  };
}

/**
 * An institution that works in Leerroutes keeps its own catalogue: its admins list their offerings, add, change,
 * close and reopen them (OfferingWriter does the writing). An offering of another institution is in sight of
 * everyone signed in (the catalogue), so changing it is refused (403), not hidden (404).
 */
@Injectable()
export class OfferingsAdminUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly writer: OfferingWriter,
  ) {}

  /** The actor's institution's offerings, closed ones included, by code. */
  async list(actor: Actor, query: PageQuery): Promise<Page<ManagedOfferingView>> {
    this.authorizeOwn(actor, 'offering.list');
    const [items, total] = await this.store.dataSource.manager.findAndCount(OfferingEntity, {
      where: { institutionCode: actor.institutionCode },
      order: { code: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items: items.map(managedView), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: Actor, draft: OfferingDraft): Promise<ManagedOfferingView> {
    this.authorizeOwn(actor, 'offering.write');
    this.refusePastDeadline(draft.enrolmentDeadline);
    return managedView(await this.writer.create(actor.institutionCode, draft));
  }

  async change(
    actor: Actor,
    id: string,
    changes: OfferingChanges,
    expectedVersion?: number,
  ): Promise<ManagedOfferingView> {
    await this.authorizeOffering(actor, id);
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new DomainError(
        'OFFERING.NOTHING_TO_CHANGE',
        'Name what changes: title, description, capacity or enrolmentDeadline.',
      );
    }
    if (changes.enrolmentDeadline !== undefined) this.refusePastDeadline(changes.enrolmentDeadline);
    return managedView(await this.writer.change(id, changes, expectedVersion));
  }

  async close(actor: Actor, id: string, expectedVersion?: number): Promise<ManagedOfferingView> {
    await this.authorizeOffering(actor, id);
    return managedView(await this.writer.close(id, expectedVersion));
  }

  async reopen(actor: Actor, id: string, expectedVersion?: number): Promise<ManagedOfferingView> {
    await this.authorizeOffering(actor, id);
    return managedView(await this.writer.reopen(id, expectedVersion));
  }

  /** The list and new offerings name no institution: they are the actor's own. */
  private authorizeOwn(actor: Actor, action: ActionName): void {
    authorize(actor, action, ['own-institution'], { kind: 'offering', id: actor.institutionCode });
  }

  /** 404 for an offering nobody has; 403 for another institution's, before anything about its state. */
  private async authorizeOffering(actor: Actor, id: string): Promise<void> {
    const offering = await this.store.dataSource.manager.findOne(OfferingEntity, {
      where: { id },
      select: { id: true, institutionCode: true },
    });
    if (!offering) throw new NotFoundError('offering', id);
    const scopes: Scope[] =
      offering.institutionCode === actor.institutionCode ? ['own-institution'] : ['other'];
    authorize(actor, 'offering.write', scopes, { kind: 'offering', id });
  }

  /** The last day students can be admitted is today or later: a deadline that has passed admits nobody. */
  private refusePastDeadline(deadline: string): void {
    const today = dutchDate(this.store.now());
    if (deadline < today) {
      throw new DomainError(
        'OFFERING.DEADLINE_IN_PAST',
        `The enrolment deadline ${deadline} has passed: it is ${today} in the Netherlands.`,
        'invalid',
        { field: 'enrolmentDeadline' },
      );
    }
  }
}
