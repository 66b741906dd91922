import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ComponentEntity, RequestEntity, TransitionEntity } from '@lr/database';
import {
  AUDIENCES_OF_EVENT,
  ActionName,
  Actor,
  CLOCK,
  Clock,
  ComponentEvent,
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  Party,
  StaleVersionError,
  Scope,
  TRANSITIONS,
  actsAs,
  authorize,
  canSee,
  componentFacts,
  deriveRequestStatus,
  findTransition,
  isEnded,
  scopesOf,
} from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { cancelAtTheHost } from './association-cancellation';
import { recordAudit } from './audit-trail';
import { scopeOf } from './component-scope';
import { asLiveOffering, refuseLiveDuplicates } from './live-offerings';
import { offeringOf } from './offering-of';
import { studentOf } from './people';
import { Notifier } from './notifier';
import { TimerPlanner } from './timers';

export interface Locked {
  em: EntityManager;
  request: RequestEntity;
  component: ComponentEntity;
  /** All components of the request, `component` among them: the request's status is derived from them all. */
  components: ComponentEntity[];
  now: Date;
}

export interface TransitionInput {
  event: ComponentEvent;
  actor: Actor;
  motivation?: string | null;
  /** Columns that change together with the state (an approval's credits, an enrolment reference, …). */
  changes?: Partial<Omit<ComponentEntity, 'id' | 'state' | 'version'>>;
  /** The version the actor saw; a component changed since then is a conflict, not a silent overwrite. */
  expectedVersion?: number;
}

/**
 * Loads, locks and changes requests. Every change runs in one transaction that first locks the request row, so
 * the request's derived status never races between two of its components; the component's version catches
 * decisions taken on a stale view.
 */
@Injectable()
export class RequestStore {
  constructor(
    readonly dataSource: DataSource,
    @Inject(CLOCK) readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly timers: TimerPlanner,
    private readonly registry: InstitutionRegistry,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** Runs fn in a transaction with the request locked and its component loaded; 404 for what the actor can't see. */
  async withComponent<T>(
    actor: Actor,
    requestId: string,
    componentId: string,
    fn: (locked: Locked) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const request = await this.lockRequest(em, requestId);
      const components = request ? await this.componentsOf(em, requestId) : [];
      const component = components.find((c) => c.id === componentId);
      if (!request || !component || !canSee(actor, scopeOf(request, component))) {
        throw new NotFoundError('component', componentId);
      }
      return fn({ em, request, component, components, now: this.now() });
    });
  }

  /** Like withComponent, for actions on the whole request; 404 when the actor sees none of its components. */
  async withRequest<T>(
    actor: Actor,
    requestId: string,
    fn: (
      em: EntityManager,
      request: RequestEntity,
      components: ComponentEntity[],
      now: Date,
    ) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const request = await this.lockRequest(em, requestId);
      const components = request ? await this.componentsOf(em, requestId) : [];
      if (!request || !components.some((c) => canSee(actor, scopeOf(request, c)))) {
        throw new NotFoundError('request', requestId);
      }
      return fn(em, request, components, this.now());
    });
  }

  /**
   * A person's action on a component, as the authorization matrix has it (403 for who sees it but may not take
   * the action). People's use cases ask this first, before anything about the component's state or their input
   * is said; the transition checks the state table's parties again.
   */
  authorize(actor: Actor, action: ActionName, { request, component }: Locked): void {
    const scopes = scopesOf(actor, componentFacts(scopeOf(request, component)));
    authorize(actor, action, scopes, { kind: 'component', id: component.id });
  }

  /** The same for an action on the whole request: the actor's scopes to any of its components count. */
  authorizeRequest(
    actor: Actor,
    action: ActionName,
    request: RequestEntity,
    components: ComponentEntity[],
  ): void {
    authorize(actor, action, requestScopes(actor, request, components), {
      kind: 'request',
      id: request.id,
    });
  }

  /**
   * Checks the state table and the actor, then moves the component, appends the history row and re-derives
   * the request's status. Returns the component as it now is.
   */
  async transition(locked: Locked, input: TransitionInput): Promise<ComponentEntity> {
    const { em, request, component, components, now } = locked;
    const { event, actor } = input;
    const scope = scopeOf(request, component);
    const mayCause = (parties: readonly Party[]) => parties.some((p) => actsAs(actor, p, scope));
    // First whether this actor may ever cause the event here (403); only then anything about the component's
    // version or state (409), which is not for others to learn.
    if (!mayCause(TRANSITIONS.filter((t) => t.event === event).flatMap((t) => t.by))) {
      throw new ForbiddenError(
        `A ${actor.role} of ${actor.institutionCode} may not '${event}' this component.`,
      );
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== component.version) {
      throw new StaleVersionError(input.expectedVersion, component.version, component.state);
    }
    const transition = findTransition(component.state, event);
    if (!transition || !mayCause(transition.by)) {
      throw new IllegalTransitionError(component.state, event);
    }
    // A component that comes back to life (an objection reopens a rejection) may meet a newer live one.
    const reviving = isEnded(component.state) && !isEnded(transition.to);
    const offerings = reviving ? [await offeringOf(em, component.offeringId)] : [];
    if (reviving) await refuseLiveDuplicates(em, studentOf(request), offerings, component.id);
    const result = await asLiveOffering(
      () =>
        em
          .createQueryBuilder()
          .update(ComponentEntity)
          .set({
            ...input.changes,
            state: transition.to,
            version: () => 'version + 1',
            updatedAt: now,
          })
          .where('id = :id AND version = :version', {
            id: component.id,
            version: component.version,
          })
          .execute(),
      offerings,
    );
    if (result.affected !== 1) {
      // Unreachable while the request row is locked; kept as the invariant's guard.
      throw new StaleVersionError(component.version, component.version + 1, component.state);
    }
    await em.insert(TransitionEntity, {
      requestId: request.id,
      componentId: component.id,
      event,
      fromState: component.state,
      toState: transition.to,
      actorId: actor.id,
      actorRole: actor.role,
      institutionCode: actor.institutionCode,
      motivation: input.motivation ?? null,
      at: now,
    });
    const before = Object.assign(new ComponentEntity(), component);
    Object.assign(component, input.changes, {
      state: transition.to,
      version: component.version + 1,
      updatedAt: now,
    });
    await this.refreshRequestStatus(em, request, components, now);
    await recordAudit(em, {
      actor,
      action: event,
      objectType: 'component',
      objectId: component.id,
      request,
      motivation: input.motivation,
      at: now,
    });
    // Who is told, and which timers run, follow from the change; both commit with it.
    await this.notifier.notify(em, {
      request,
      component,
      kind: event,
      audiences: AUDIENCES_OF_EVENT[event],
      now,
    });
    await this.timers.replan(em, before, component, now);
    await cancelAtTheHost(em, this.registry, { before, after: component, event, now });
    return component;
  }

  private async lockRequest(em: EntityManager, requestId: string): Promise<RequestEntity | null> {
    return em
      .createQueryBuilder(RequestEntity, 'r')
      .where('r.id = :requestId', { requestId })
      .setLock('pessimistic_write')
      .getOne();
  }

  private componentsOf(em: EntityManager, requestId: string): Promise<ComponentEntity[]> {
    return em.find(ComponentEntity, { where: { requestId }, order: { position: 'ASC' } });
  }

  /** From the locked request's components as they now are (the one that moved was changed in place). */
  private async refreshRequestStatus(
    em: EntityManager,
    request: RequestEntity,
    components: ComponentEntity[],
    now: Date,
  ): Promise<void> {
    request.status = deriveRequestStatus(components.map((c) => c.state));
    request.version += 1;
    request.updatedAt = now;
    await em.update(RequestEntity, request.id, {
      status: request.status,
      version: request.version,
      updatedAt: now,
      submittedAt: request.submittedAt,
    });
  }
}

/** The actor's scopes to a request: to each of its components, for each may involve another host. */
export function requestScopes(
  actor: Actor,
  request: RequestEntity,
  components: ComponentEntity[],
): Scope[] {
  return [
    ...new Set(components.flatMap((c) => scopesOf(actor, componentFacts(scopeOf(request, c))))),
  ];
}
