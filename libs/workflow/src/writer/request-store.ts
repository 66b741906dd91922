import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ComponentEntity, OfferingEntity, RequestEntity } from '@lr/database';
import {
  ActionName,
  Actor,
  CLOCK,
  Clock,
  ComponentSnapshot,
  ComponentState,
  DecisionSettings,
  NotFoundError,
  RequestStatus,
  Scope,
  StaleVersionError,
  TransitionCommand,
  TransitionDecision,
  authorize,
  canSee,
  componentFacts,
  decideTransition,
  scopesOf,
} from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { TransitionWriter, Written } from './transition-writer';
import { scopeOf } from '../shared/component-scope';
import { asLiveOffering, offeringFull, refuseLiveDuplicates } from '../shared/live-offerings';
import { offeringOf, rememberOffering } from '../shared/offering-of';
import { studentOf } from '../shared/people';

export interface Locked {
  em: EntityManager;
  request: RequestEntity;
  component: ComponentEntity;
  /** All components of the request, `component` among them: the request's status is derived from them all. */
  components: ComponentEntity[];
  now: Date;
}

/** What a person's decision changed: the request's status and version, and each component that moved. */
export interface DecisionOutcome {
  requestId: string;
  requestStatus: RequestStatus;
  requestVersion: number;
  components: { id: string; state: ComponentState; version: number }[];
}

/** Work on a whole locked request: its components (all of them) and the transaction's time. */
type OnRequest<T> = (
  em: EntityManager,
  request: RequestEntity,
  components: ComponentEntity[],
  now: Date,
) => Promise<T>;

/** How often decideAtOnce reads and decides again when the request changed in between, before it takes the lock. */
const AT_ONCE_ATTEMPTS = 3;

/** The one transition of a decision taken without a lock, to be written guarded by the request's version read. */
interface Unlocked {
  write?: (expectedRequestVersion: number) => Promise<number | undefined>;
}

/** The use case took a second transition, or one that needs a check under the lock: it runs with the lock. */
class NeedsTheLock extends Error {}

/** The request changed between the read and the write: read and decide again. */
class ChangedMeanwhile extends Error {}

/** An event on a component, by an actor, with the columns that change with it (TransitionCommand). */
export type TransitionInput = TransitionCommand;

/**
 * Loads, locks and changes requests. A change either runs in one transaction that first locks the request row
 * (withComponent, withRequest), or is one guarded statement after an unlocked read (decideAtOnce); either way
 * the request's derived status never races between two of its components, and the component's version catches
 * decisions taken on a stale view.
 */
@Injectable()
export class RequestStore {
  constructor(
    readonly dataSource: DataSource,
    @Inject(CLOCK) readonly clock: Clock,
    private readonly writer: TransitionWriter,
    private readonly registry: InstitutionRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = { decisionReminderDays: config.decisionReminderDays };
  }

  private readonly settings: DecisionSettings;
  /** The connections of decisions taken without a lock (decideAtOnce), with the write each one holds back. */
  private readonly unlocked = new WeakMap<EntityManager, Unlocked>();

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
      const { request, components } = await this.lockRequest(em, requestId);
      const component = components.find((c) => c.id === componentId);
      if (!request || !component || !canSee(actor, scopeOf(request, component))) {
        throw new NotFoundError('component', componentId);
      }
      return fn({ em, request, component, components, now: this.now() });
    });
  }

  /** Like withComponent, for actions on the whole request; 404 when the actor sees none of its components. */
  async withRequest<T>(actor: Actor, requestId: string, fn: OnRequest<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const { request, components } = await this.lockRequest(em, requestId);
      if (!request || !components.some((c) => canSee(actor, scopeOf(request, c)))) {
        throw new NotFoundError('request', requestId);
      }
      return fn(em, request, components, this.now());
    });
  }

  /**
   * withComponent for a person's decision: answers with what the decision changed, read from the locked rows as
   * the writer left them, so that no view has to be read again to answer.
   */
  decideOnComponent(
    actor: Actor,
    requestId: string,
    componentId: string,
    fn: (locked: Locked) => Promise<unknown>,
  ): Promise<DecisionOutcome> {
    return this.withComponent(actor, requestId, componentId, (locked) =>
      outcomeOf(locked.request, locked.components, () => fn(locked)),
    );
  }

  /** withRequest for a person's decision on the whole request, answering with what it changed. */
  decideOnRequest(
    actor: Actor,
    requestId: string,
    fn: OnRequest<unknown>,
  ): Promise<DecisionOutcome> {
    return this.withRequest(actor, requestId, (em, request, components, now) =>
      outcomeOf(request, components, () => fn(em, request, components, now)),
    );
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

  /** Asks the domain whether the actor may take the event here, and what it brings with it (no I/O beyond the offering). */
  async decide(locked: Locked, input: TransitionInput): Promise<TransitionDecision> {
    const { em, request, component, components } = locked;
    const offering = await offeringOf(em, component.offeringId);
    return decideTransition(
      snapshotOf(request, component, components, offering.enrolmentDeadline),
      input,
      this.settings,
    );
  }

  /**
   * Hands a decision to the writer, which applies it in one statement. The component and the request in `locked`
   * are brought up to date, so the use case goes on with them as they now are. Taken without a lock
   * (decideAtOnce), the decision is kept and written once the use case has finished.
   */
  async apply(locked: Locked, decision: TransitionDecision): Promise<ComponentEntity> {
    const { em, request, component, now } = locked;
    const offering = await offeringOf(em, component.offeringId);
    const unlocked = this.unlocked.get(em);
    if (unlocked) {
      // One transition, written in one guarded statement: anything more takes the lock.
      if (unlocked.write || decision.revives || decision.takesPlace) throw new NeedsTheLock();
      unlocked.write = async (guard) =>
        (await this.write(locked, decision, offering, guard)).requestVersion;
    } else {
      const written = await this.write(locked, decision, offering);
      if (!written.placeTaken) throw offeringFull(offering, decision.from);
      if (written.requestVersion === undefined) {
        // Unreachable while the request row is locked; kept as the invariant's guard.
        throw new StaleVersionError(decision.fromVersion, decision.fromVersion + 1, decision.from);
      }
      request.version = written.requestVersion;
    }
    Object.assign(component, decision.changes, {
      state: decision.to,
      version: decision.toVersion,
      updatedAt: now,
    });
    Object.assign(request, {
      status: decision.requestStatus,
      updatedAt: now,
      submittedAt: request.submittedAt ?? (decision.marksSubmitted ? now : null),
    });
    return component;
  }

  /** decide, then apply: for a use case that has nothing to check between the two. */
  async transition(locked: Locked, input: TransitionInput): Promise<ComponentEntity> {
    return this.apply(locked, await this.decide(locked, input));
  }

  /**
   * A decision that takes one transition and writes nothing else, in one round trip after one read: the request,
   * its components and their offerings are read without a lock, the use case decides, and the writer applies the
   * transition in one statement that holds only if the request's version is still the one read (every change
   * to any of its components moves it). A request changed in between is read and decided again; a use case that
   * turns out to take more than one transition (a request with several drafts) runs with the lock instead.
   */
  async decideAtOnce(
    actor: Actor,
    requestId: string,
    componentId: string | undefined,
    fn: (locked: Locked) => Promise<unknown>,
  ): Promise<DecisionOutcome> {
    for (let attempt = 0; attempt < AT_ONCE_ATTEMPTS; attempt++) {
      const outcome = await this.attemptAtOnce(actor, requestId, componentId, fn);
      if (outcome === 'needs-the-lock') break;
      if (outcome !== 'changed-meanwhile') return outcome;
    }
    return componentId === undefined
      ? this.decideOnRequest(actor, requestId, (em, request, components, now) =>
          fn({ em, request, component: components[0], components, now }),
        )
      : this.decideOnComponent(actor, requestId, componentId, fn);
  }

  private async attemptAtOnce(
    actor: Actor,
    requestId: string,
    componentId: string | undefined,
    fn: (locked: Locked) => Promise<unknown>,
  ): Promise<DecisionOutcome | 'needs-the-lock' | 'changed-meanwhile'> {
    // One connection for the read and the write, so that the offering read with the request serves both.
    const runner = this.dataSource.createQueryRunner();
    try {
      const em = runner.manager;
      const { request, components } = readRequest(
        em,
        await em.find(ComponentEntity, {
          where: { requestId },
          relations: { request: true, offering: true },
          order: { position: 'ASC' },
        }),
      );
      const component = componentId
        ? components.find((c) => c.id === componentId)
        : components.find((c) => canSee(actor, scopeOf(request!, c)));
      if (!request || !component || !canSee(actor, scopeOf(request, component))) {
        throw componentId
          ? new NotFoundError('component', componentId)
          : new NotFoundError('request', requestId);
      }
      const locked: Locked = { em, request, component, components, now: this.now() };
      const readVersion = request.version;
      const unlocked: Unlocked = {};
      this.unlocked.set(em, unlocked);
      try {
        return await outcomeOf(request, components, async () => {
          await fn(locked);
          if (!unlocked.write) return;
          const requestVersion = await unlocked.write(readVersion);
          if (requestVersion === undefined) throw new ChangedMeanwhile();
          request.version = requestVersion;
        });
      } catch (error) {
        if (error instanceof NeedsTheLock) return 'needs-the-lock';
        if (error instanceof ChangedMeanwhile) return 'changed-meanwhile';
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  /** Applies a decision through the writer. */
  private write(
    { em, request, component, now }: Locked,
    decision: TransitionDecision,
    offering: OfferingEntity,
    expectedRequestVersion?: number,
  ): Promise<Written> {
    // A component that comes back to life (an objection reopens a rejection) may meet a newer live one.
    const offerings = decision.revives ? [offering] : [];
    const board = this.registry.examBoardForProgramme(
      request.homeInstitutionCode,
      request.homeProgrammeCode,
    );
    return asLiveOffering(async () => {
      if (decision.revives)
        await refuseLiveDuplicates(em, studentOf(request), offerings, component.id);
      return this.writer.apply(decision, {
        em,
        now,
        offeringId: offering.id,
        offeringTitle: offering.title,
        examBoardCode: board.code,
        expectedRequestVersion,
      });
    }, offerings);
  }

  /**
   * Locks the request and its components and reads them, with their offerings, in one statement. Both are
   * locked (FOR UPDATE OF): a statement that waited for another transaction's lock goes on with the rows that
   * transaction left, which PostgreSQL reads again only for the rows it locks. The request comes first in the
   * FROM list, so its row is locked before its components', in the order the writer's statement takes them.
   */
  private async lockRequest(em: EntityManager, requestId: string): Promise<RequestRead> {
    const read: (RequestEntity & { components?: ComponentEntity[] }) | null = await em
      .createQueryBuilder(RequestEntity, 'r')
      .innerJoinAndMapMany('r.components', ComponentEntity, 'c', 'c.request_id = r.id')
      .innerJoinAndMapOne('c.offering', OfferingEntity, 'o', 'o.id = c.offering_id')
      .where('r.id = :requestId', { requestId })
      .orderBy('c.position', 'ASC')
      .setLock('pessimistic_write', undefined, ['r', 'c'])
      .getOne();
    if (!read?.components) return { request: undefined, components: [] };
    const { components: rows, ...columns } = read;
    const request = Object.assign(new RequestEntity(), columns);
    rows.forEach((row) => (row.request = request));
    return readRequest(em, rows);
  }
}

/** A request and its components, as read for a decision (none when there is no such request). */
interface RequestRead {
  request: RequestEntity | undefined;
  components: ComponentEntity[];
}

/**
 * The request and its components from rows read with both joined (and their offerings, which are kept for the
 * decision's connection): the relations are taken off, so the components are what the use cases have always had.
 */
function readRequest(em: EntityManager, rows: ComponentEntity[]): RequestRead {
  const request = rows[0]?.request;
  for (const row of rows) {
    rememberOffering(em, row.offering!);
    delete row.request;
    delete row.offering;
  }
  return { request, components: rows };
}

/** Runs a decision on locked rows, then names the components whose version it moved. */
async function outcomeOf(
  request: RequestEntity,
  components: ComponentEntity[],
  decide: () => Promise<unknown>,
): Promise<DecisionOutcome> {
  const versions = new Map(components.map((c) => [c.id, c.version]));
  await decide();
  return {
    requestId: request.id,
    requestStatus: request.status,
    requestVersion: request.version,
    components: components
      .filter((c) => c.version !== versions.get(c.id))
      .map(({ id, state, version }) => ({ id, state, version })),
  };
}

/** What the domain's rules need of a locked component. */
function snapshotOf(
  request: RequestEntity,
  component: ComponentEntity,
  components: ComponentEntity[],
  enrolmentDeadline: string,
): ComponentSnapshot {
  return {
    id: component.id,
    requestId: request.id,
    state: component.state,
    version: component.version,
    scope: scopeOf(request, component),
    decisionDueAt: component.decisionDueAt,
    enrolmentDeadline,
    associationId: component.associationId,
    associationState: component.associationState,
    associationRequestedAt: component.associationRequestedAt,
    siblingStates: components.filter((c) => c.id !== component.id).map((c) => c.state),
  };
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
