import { Injectable, Logger } from '@nestjs/common';
import { IsNull, Not, QueryRunner } from 'typeorm';
import { CatalogueSyncEntity, OfferingEntity } from '@lr/database';
import {
  Actor,
  CatalogueSyncCounts,
  CatalogueSyncProblem,
  DomainError,
  NO_CATALOGUE_CHANGES,
  SYSTEM_ACTOR,
} from '@lr/domain';
import { InstitutionRegistry, OfferingDraft, OoapiHosts } from '@lr/institutions';
import type { OoapiCatalogueEntry } from '@lr/ooapi';
import { CatalogueSyncJob, JobContext, NotYetDueError } from '@lr/queue';
import { CatalogueSyncRuns } from './catalogue-sync-runs';
import { SyncedOffering, offeringProblem, syncedOffering } from './catalogue-sync.mapping';
import { OfferingChanges, OfferingWriter } from '../writer/offering-writer';
import { RequestStore } from '../writer/request-store';

/** While another run of the institution holds its lock, a run waits this long before it looks again. */
const BUSY_WAIT_MS = 2000;

/** The advisory locks of catalogue synchronisations, one per institution within this space. */
const LOCK_SPACE = 'catalogue-sync';

/** What a synchronisation changes of an offering that is already here: what its institution may change. */
const CHANGEABLE: readonly (keyof OfferingChanges)[] = [
  'title',
  'description',
  'capacity',
  'enrolmentDeadline',
];

/**
 * What the system may not change of an offering once it is here: requests were made on these facts (credits
 * to be recognised, the academic year tuition is proven for). A change there is reported, not applied: the
 * institution closes the offering and offers a new one.
 */
const FIXED: readonly (keyof OfferingDraft & keyof OfferingEntity)[] = [
  'code',
  'credits',
  'period',
  'language',
];

/**
 * Job on the institution's queue: reads its catalogue from its own system over OOAPI and brings its offerings
 * here in line. Everything is read first; an answer the standard does not allow (or a system that does not
 * answer) fails the attempt with nothing changed, and the job tries again (JOB_ATTEMPTS), the run showing
 * 'retrying' and at last 'failed'. Then, offering by offering through OfferingWriter (each change audited):
 * a new one is created, a changed one changed (title, description, capacity, enrolment deadline), one that is
 * gone is closed, never deleted, and one that came back is reopened. An offering it cannot take or change (a
 * capacity below the places taken, say) is an error of the run; the others go on. One run per institution at a
 * time: a second waits for the first to finish.
 */
@Injectable()
export class CatalogueSyncUseCase {
  private readonly logger = new Logger(CatalogueSyncUseCase.name);

  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly ooapiHosts: OoapiHosts,
    private readonly writer: OfferingWriter,
    private readonly runs: CatalogueSyncRuns,
  ) {}

  async execute({ institutionCode }: CatalogueSyncJob, job: JobContext): Promise<string> {
    // An institution that no longer takes part through its own system keeps its offerings itself.
    if (!this.ooapiHosts.takesPart(institutionCode)) return 'skipped';
    const lock = await this.lock(institutionCode);
    if (!lock) throw new NotYetDueError(BUSY_WAIT_MS);
    try {
      const run = await this.runs.begin(institutionCode, job);
      if (!run) return 'skipped';
      try {
        const catalogue = await this.ooapiHosts.client(institutionCode).catalogue();
        const { counts, problems } = await this.apply(institutionCode, run, catalogue);
        await this.runs.complete(run, counts, problems);
        this.logger.log(
          `Catalogue of ${institutionCode} synchronised (run ${run.id}): ${JSON.stringify(counts)}, ` +
            `${problems.length} errors`,
        );
        return 'completed';
      } catch (error) {
        await this.runs.attemptFailed(run, job, (error as Error).message);
        throw error;
      }
    } finally {
      await this.unlock(lock, institutionCode);
    }
  }

  /** The job failed for good: its run, unless it said so itself, has failed. */
  failedForGood(jobId: string, reason: string): Promise<boolean> {
    return this.runs.failedForGood(jobId, reason);
  }

  private async apply(
    institutionCode: string,
    run: CatalogueSyncEntity,
    catalogue: OoapiCatalogueEntry[],
  ): Promise<{ counts: CatalogueSyncCounts; problems: CatalogueSyncProblem[] }> {
    const institution = this.registry.get(institutionCode);
    const { programmeCode } = this.ooapiHosts.connection(institutionCode)!;
    const actor: Actor = { ...SYSTEM_ACTOR, institutionCode };
    const motivation = `Synchronised from the own system of ${institution.name} (run ${run.id}).`;
    const counts = { ...NO_CATALOGUE_CHANGES };
    const problems: CatalogueSyncProblem[] = [];
    const kept = await this.store.dataSource.manager.findBy(OfferingEntity, {
      institutionCode,
      externalId: Not(IsNull()),
    });
    const byExternalId = new Map(kept.map((o) => [o.externalId!, o]));
    const seen = new Set<string>();

    for (const entry of catalogue) {
      for (const offering of entry.offerings) {
        const synced = syncedOffering(institution, programmeCode, entry.course, offering);
        if (seen.has(synced.externalId)) {
          problems.push(
            offeringProblem(synced.label, 'CATALOGUE.LISTED_TWICE', 'it is listed more than once.'),
          );
          continue;
        }
        seen.add(synced.externalId);
        if ('problem' in synced) {
          problems.push(synced.problem);
          continue;
        }
        const outcome = await this.bring(actor, institutionCode, synced, byExternalId, motivation);
        for (const counted of outcome.counted) counts[counted] += 1;
        problems.push(...outcome.problems);
      }
    }
    for (const offering of kept) {
      if (seen.has(offering.externalId!) || offering.closedAt) continue;
      await this.writer.close(actor, offering.id, { motivation });
      counts.closed += 1;
    }
    return { counts, problems };
  }

  /**
   * One offering of the system's catalogue here: created, or reopened and changed where it differs. A write the
   * offering refuses (a capacity below the places taken, a code another offering has) is its problem; the run
   * goes on.
   */
  private async bring(
    actor: Actor,
    institutionCode: string,
    synced: Extract<SyncedOffering, { draft: OfferingDraft }>,
    byExternalId: Map<string, OfferingEntity>,
    motivation: string,
  ): Promise<{ counted: (keyof CatalogueSyncCounts)[]; problems: CatalogueSyncProblem[] }> {
    const { draft, externalId, label } = synced;
    const counted: (keyof CatalogueSyncCounts)[] = [];
    const problems: CatalogueSyncProblem[] = [];
    const attempt = async (write: () => Promise<unknown>, count: keyof CatalogueSyncCounts) => {
      try {
        await write();
        counted.push(count);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(offeringProblem(label, error.code, error.message));
      }
    };
    const existing = byExternalId.get(externalId);
    if (!existing) {
      await attempt(
        () => this.writer.create(actor, institutionCode, draft, { externalId, motivation }),
        'created',
      );
      return { counted, problems };
    }
    if (existing.closedAt) {
      await attempt(() => this.writer.reopen(actor, existing.id, { motivation }), 'reopened');
    }
    const changes: OfferingChanges = Object.fromEntries(
      CHANGEABLE.filter((field) => existing[field] !== draft[field]).map((f) => [f, draft[f]]),
    );
    if (Object.keys(changes).length > 0) {
      await attempt(
        () => this.writer.change(actor, existing.id, changes, { motivation }),
        'changed',
      );
    }
    if (counted.length === 0 && problems.length === 0) counted.push('unchanged');
    for (const field of FIXED.filter((f) => existing[f] !== draft[f])) {
      problems.push(
        offeringProblem(
          label,
          'CATALOGUE.FIXED_FIELD_CHANGED',
          `its ${field} is now ${String(draft[field])} in the system, was ${String(existing[field])}: ` +
            'Leerroutes keeps the code, credits, period and language that requests were made on. Close it in ' +
            'the system and offer a new one.',
        ),
      );
    }
    return { counted, problems };
  }

  /**
   * The institution's lock for the length of a run, on a connection of its own: PostgreSQL gives it up when
   * that connection ends, so a worker that dies mid-run holds nobody up. Undefined when another run holds it.
   */
  private async lock(institutionCode: string): Promise<QueryRunner | undefined> {
    const runner = this.store.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
        [LOCK_SPACE, institutionCode],
      )) as { locked: boolean }[];
      if (locked) return runner;
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return undefined;
  }

  private async unlock(runner: QueryRunner, institutionCode: string): Promise<void> {
    try {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [
        LOCK_SPACE,
        institutionCode,
      ]);
    } finally {
      await runner.release();
    }
  }
}
