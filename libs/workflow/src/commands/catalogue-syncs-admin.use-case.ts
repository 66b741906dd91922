import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { CatalogueSyncEntity } from '@lr/database';
import { ActionName, Actor, DomainError, NotFoundError, Scope, authorize } from '@lr/domain';
import { InstitutionRegistry, OoapiHosts } from '@lr/institutions';
import { CatalogueSyncJob, enqueueInTransaction, jobIdFor } from '@lr/queue';
import { CatalogueSyncView, catalogueSyncView } from '../jobs/catalogue-sync-runs';
import { Page, PageQuery, offsetOf } from '../queries/pagination';
import { RequestStore } from '../writer/request-store';

export interface CatalogueSyncFilter extends PageQuery {
  /** Whose runs; the actor's own institution when left out. */
  institutionCode?: string;
}

/**
 * An institution whose own system keeps its catalogue: its admins see the synchronisations, newest first, and
 * ask for one now. Which institutions there are is public, so an unknown one is 404 and another's 403.
 */
@Injectable()
export class CatalogueSyncsAdminUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly ooapiHosts: OoapiHosts,
  ) {}

  async list(actor: Actor, filter: CatalogueSyncFilter): Promise<Page<CatalogueSyncView>> {
    const institutionCode = this.authorizeInstitution(
      actor,
      'catalogue-sync.list',
      filter.institutionCode,
    );
    const [runs, total] = await this.store.dataSource.manager.findAndCount(CatalogueSyncEntity, {
      where: { institutionCode },
      order: { id: 'DESC' },
      skip: offsetOf(filter),
      take: filter.pageSize,
    });
    return {
      items: runs.map(catalogueSyncView),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /**
   * A run now, queued on the institution's queue: its record and its job are written in one transaction (the
   * outbox). 400 for an institution that keeps its catalogue in Leerroutes: there is nothing to read.
   */
  async request(actor: Actor, institutionCode: string): Promise<CatalogueSyncView> {
    this.authorizeInstitution(actor, 'catalogue-sync.request', institutionCode);
    if (!this.ooapiHosts.takesPart(institutionCode)) {
      throw new DomainError(
        'CATALOGUE.NO_OWN_SYSTEM',
        `${this.registry.get(institutionCode).name} keeps its offerings in Leerroutes: there is no system of ` +
          'its own to synchronise from.',
        { field: 'institutionCode' },
      );
    }
    const job: CatalogueSyncJob = { institutionCode, runKey: randomUUID() };
    return this.store.dataSource.transaction(async (em) => {
      const now = this.store.now();
      const run = await em.save(
        Object.assign(new CatalogueSyncEntity(), {
          institutionCode,
          trigger: 'admin',
          requestedById: actor.id,
          requestedByName: actor.name,
          jobId: jobIdFor('catalogue.sync', job),
          status: 'queued',
          attempts: 0,
          requestedAt: now,
          startedAt: null,
          finishedAt: null,
          errors: [],
        }),
      );
      await enqueueInTransaction(
        em,
        this.registry.get(institutionCode).queue,
        'catalogue.sync',
        job,
        now,
      );
      return catalogueSyncView(await em.findOneByOrFail(CatalogueSyncEntity, { id: run.id }));
    });
  }

  /** The institution named (by default the actor's own): 404 when there is none, 403 when it is another's. */
  private authorizeInstitution(actor: Actor, action: ActionName, code?: string): string {
    const institutionCode = code ?? actor.institutionCode;
    if (!this.registry.find(institutionCode))
      throw new NotFoundError('institution', institutionCode);
    const scopes: Scope[] =
      institutionCode === actor.institutionCode ? ['own-institution'] : ['other'];
    authorize(actor, action, scopes, { kind: 'institution', id: institutionCode });
    return institutionCode;
  }
}
