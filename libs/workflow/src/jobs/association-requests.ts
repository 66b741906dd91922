import { Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { ComponentEntity, OfferingEntity, PersonEntity, RequestEntity } from '@lr/database';
import { AssociationState, ENDS_THE_ASSOCIATION } from '@lr/domain';
import { InstitutionRegistry, OoapiHosts } from '@lr/institutions';
import { OoapiRequestError } from '@lr/ooapi';
import { FailedForGoodError } from '@lr/queue';
import { enqueueCancellation } from './association-cancellation';
import { AssociationChange } from './association-changes';
import { associationFor } from './association-message';
import { offeringOf } from '../shared/offering-of';
import { findPerson, studentOf } from '../shared/people';
import { RequestStore } from '../writer/request-store';

/** What the request for an association is made of, as a delivery has already read it. */
export interface RequestFacts {
  request: RequestEntity;
  offering: OfferingEntity;
  student: PersonEntity | null;
}

/**
 * Asking a host's own system for the association of a component (POST /associations/external/me), so that none
 * is made twice and none is left behind. Leerroutes relies on the host recognising a repeated request (the same
 * person, offering and caller, while the first is live) and answering with the association it made then; a lost
 * answer is therefore repaired by asking again.
 */
@Injectable()
export class AssociationRequests {
  private readonly logger = new Logger(AssociationRequests.name);

  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly ooapiHosts: OoapiHosts,
  ) {}

  /**
   * For a delivery: the host's association for the component and what its system says of it. When an earlier
   * attempt already kept one, it is asked after (GET). Undefined when this attempt is not the one to go on
   * (the component moved on, or another attempt has the association).
   */
  async forDelivery(
    component: ComponentEntity,
    facts: RequestFacts,
  ): Promise<AssociationChange | undefined> {
    return this.standardOrFailedForGood(async () => {
      if (component.associationId) {
        const known = await this.client(component).association(component.associationId);
        return { state: known.state, result: known.result };
      }
      const created = await this.ask(component, facts);
      if (!(await this.keep(component, created))) return undefined;
      component.associationId = created.associationId;
      return { state: created.state, message: created.message };
    });
  }

  /**
   * For a cancellation of a component that ended after Leerroutes asked the host but before any answer arrived:
   * asks again, so that the host names the association it may have made (or makes one, to be canceled at once),
   * and keeps it on the component. Returns its id, or the one another attempt kept meanwhile.
   */
  async recover(component: ComponentEntity): Promise<string> {
    const created = await this.standardOrFailedForGood(async () =>
      this.ask(component, await this.factsOf(component)),
    );
    await this.store.dataSource.manager.update(
      ComponentEntity,
      { id: component.id, associationId: IsNull() },
      { associationId: created.associationId, associationState: created.state },
    );
    const kept = await this.store.dataSource.manager.findOneByOrFail(ComponentEntity, {
      id: component.id,
    });
    return kept.associationId!;
  }

  /** The POST, noted on the component before it goes out: from then on the host may hold an association. */
  private async ask(component: ComponentEntity, { offering, request, student }: RequestFacts) {
    await this.store.dataSource.manager.update(
      ComponentEntity,
      { id: component.id, associationRequestedAt: IsNull() },
      { associationRequestedAt: this.store.now() },
    );
    const message = associationFor({
      component,
      offering,
      student,
      home: this.registry.get(request.homeInstitutionCode),
    });
    return this.client(component).createAssociation(message);
  }

  private async factsOf(component: ComponentEntity): Promise<RequestFacts> {
    const em = this.store.dataSource.manager;
    const request = await em.findOneByOrFail(RequestEntity, { id: component.requestId });
    return {
      request,
      offering: await offeringOf(em, component.offeringId),
      student: await findPerson(em, studentOf(request)),
    };
  }

  /**
   * Keeps the association the host made on the component, before anything else, and says whether this attempt
   * goes on with it. Of two attempts at once (which the host answered alike) the second finds it kept and stops.
   * A component withdrawn or expired meanwhile keeps it too, with the job that cancels it there; only a second
   * one from a host that does not recognise repeats is surplus, canceled now.
   */
  private async keep(
    component: ComponentEntity,
    created: { associationId: string; state: AssociationState },
  ): Promise<boolean> {
    const { associationId, state } = created;
    const outcome = await this.store.dataSource.transaction(async (em) => {
      const current = await em.findOne(ComponentEntity, {
        where: { id: component.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.associationId === associationId) return 'another attempt has it';
      if (current.associationId) return 'surplus';
      if (current.state !== 'approved' && !ENDS_THE_ASSOCIATION.includes(current.state)) {
        return 'surplus';
      }
      await em.update(ComponentEntity, current.id, { associationId, associationState: state });
      if (current.state !== 'approved') {
        await enqueueCancellation(em, this.registry, current, this.store.now());
        return 'to cancel';
      }
      return current.version === component.version ? 'kept' : 'another attempt has it';
    });
    if (outcome === 'surplus') {
      await this.client(component)
        .cancelAssociation(associationId)
        .catch((error: Error) =>
          this.logger.warn(
            `Could not cancel the surplus association ${associationId}: ${error.message}`,
          ),
        );
    }
    return outcome === 'kept';
  }

  private client(component: ComponentEntity) {
    return this.ooapiHosts.client(component.hostInstitutionCode);
  }

  /** What we would send breaks the standard: sending it again will not help; an admin sees it. */
  private async standardOrFailedForGood<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof OoapiRequestError) throw new FailedForGoodError(error.message);
      throw error;
    }
  }
}
