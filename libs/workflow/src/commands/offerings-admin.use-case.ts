import { Injectable } from '@nestjs/common';
import { OfferingEntity } from '@lr/database';
import {
  ActionName,
  Actor,
  ConflictError,
  DomainError,
  NotFoundError,
  OfferingStatus,
  Scope,
  authorize,
  dutchDate,
  offeringStatus,
} from '@lr/domain';
import { OfferingDraft, OoapiHosts } from '@lr/institutions';
import { OfferingChanges, OfferingWriter } from '../writer/offering-writer';
import { Page, PageQuery, offsetOf } from '../queries/pagination';
import { RequestStore } from '../writer/request-store';

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

/** The actor's institution's offerings, and whether its own system keeps them (then they are read-only here). */
export interface ManagedOfferingPage extends Page<ManagedOfferingView> {
  keptByOwnSystem: boolean;
}

/**
 * An institution that works in Leerroutes keeps its own catalogue: its admins list their offerings, add, change,
 * close and reopen them (OfferingWriter does the writing). An offering of another institution is in sight of
 * everyone signed in (the catalogue), so changing it is refused (403), not hidden (404). An offering an
 * institution's own system keeps (it has that system's id) changes only there: a change here would be undone by
 * the next synchronisation, so it is refused (409).
 */
@Injectable()
export class OfferingsAdminUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly writer: OfferingWriter,
    private readonly ooapiHosts: OoapiHosts,
  ) {}

  /** The actor's institution's offerings, closed ones included, by code. */
  async list(actor: Actor, query: PageQuery): Promise<ManagedOfferingPage> {
    this.authorizeOwn(actor, 'offering.list');
    const [items, total] = await this.store.dataSource.manager.findAndCount(OfferingEntity, {
      where: { institutionCode: actor.institutionCode },
      order: { code: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return {
      items: items.map(managedView),
      total,
      page: query.page,
      pageSize: query.pageSize,
      keptByOwnSystem: this.ooapiHosts.takesPart(actor.institutionCode),
    };
  }

  async create(actor: Actor, draft: OfferingDraft): Promise<ManagedOfferingView> {
    this.authorizeOwn(actor, 'offering.write');
    this.refusePastDeadline(draft.enrolmentDeadline);
    return managedView(await this.writer.create(actor, actor.institutionCode, draft));
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
    return managedView(await this.writer.change(actor, id, changes, { expectedVersion }));
  }

  async close(actor: Actor, id: string, expectedVersion?: number): Promise<ManagedOfferingView> {
    await this.authorizeOffering(actor, id);
    return managedView(await this.writer.close(actor, id, { expectedVersion }));
  }

  async reopen(actor: Actor, id: string, expectedVersion?: number): Promise<ManagedOfferingView> {
    await this.authorizeOffering(actor, id);
    return managedView(await this.writer.reopen(actor, id, { expectedVersion }));
  }

  /** The list and new offerings name no institution: they are the actor's own. */
  private authorizeOwn(actor: Actor, action: ActionName): void {
    authorize(actor, action, ['own-institution'], { kind: 'offering', id: actor.institutionCode });
  }

  /**
   * 404 for an offering nobody has; 403 for another institution's, before anything about its state; 409 for one
   * its institution's own system keeps.
   */
  private async authorizeOffering(actor: Actor, id: string): Promise<void> {
    const offering = await this.store.dataSource.manager.findOne(OfferingEntity, {
      where: { id },
      select: { id: true, institutionCode: true, title: true, externalId: true },
    });
    if (!offering) throw new NotFoundError('offering', id);
    const scopes: Scope[] =
      offering.institutionCode === actor.institutionCode ? ['own-institution'] : ['other'];
    authorize(actor, 'offering.write', scopes, { kind: 'offering', id });
    if (offering.externalId !== null && this.ooapiHosts.takesPart(offering.institutionCode)) {
      throw new ConflictError(
        'OFFERING.KEPT_BY_OWN_SYSTEM',
        `${offering.title} is kept in your institution's own system: change it there, and the next ` +
          'synchronisation brings the change here.',
      );
    }
  }

  /** The last day students can be admitted is today or later: a deadline that has passed admits nobody. */
  private refusePastDeadline(deadline: string): void {
    const today = dutchDate(this.store.now());
    if (deadline < today) {
      throw new DomainError(
        'OFFERING.DEADLINE_IN_PAST',
        `The enrolment deadline ${deadline} has passed: it is ${today} in the Netherlands.`,
        { field: 'enrolmentDeadline' },
      );
    }
  }
}
