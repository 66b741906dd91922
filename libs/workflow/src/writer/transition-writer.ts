import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import {
  ComponentFieldChanges,
  ComponentJobRef,
  SystemJobName,
  TimerName,
  TransitionDecision,
  dutchDate,
} from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { JobName, jobIdFor } from '@lr/queue';
import { noticeMessage } from './notice-messages';
import { NoticeRows, noticeCtes } from './notices.sql';
import { SqlParams } from './sql-params';

/** The column of each field a transition may change (ComponentEntity's names). */
const CHANGE_COLUMNS: {
  [K in keyof Required<ComponentFieldChanges>]: [column: string, type: string];
} = {
  approvedCredits: ['approved_credits', 'numeric'],
  approvedCreditUnit: ['approved_credit_unit', 'text'],
  approvedPlacement: ['approved_placement', 'text'],
  approvalReference: ['approval_reference', 'text'],
  enrolmentReference: ['enrolment_reference', 'text'],
  decisionDueAt: ['decision_due_at', 'timestamptz'],
  deliveryFailedAt: ['delivery_failed_at', 'timestamptz'],
};

/** What the decision's notices need beyond the decision: words for the unit, the board, the time. */
export interface WriteContext {
  em: EntityManager;
  now: Date;
  offeringId: string;
  offeringTitle: string;
  examBoardCode: string;
  /**
   * Written without a lock (RequestStore.decideAtOnce): only if the request is still at the version the decision
   * was taken on (every change to any of its components moves that version), and its component too, so that
   * the request never moves without it.
   */
  expectedRequestVersion?: number;
}

/** What the statement did. */
export interface Written {
  /** The request's version after the change; undefined when a version guard (or no place left) stopped it. */
  requestVersion: number | undefined;
  /** False only for a decision that takes a place when none was left: then nothing changed. */
  placeTaken: boolean;
}

/** The jobs a decision names are jobs of the catalogue, each with a component's payload. */
type ComponentJobName = (SystemJobName | TimerName) & JobName;

/** A job of the outbox, ready for the statement. */
interface OutboxRow {
  queue: string;
  name: ComponentJobName;
  jobId: string;
  operation: 'add' | 'remove';
  runAt: Date | null;
  payload: object;
}

/**
 * Applies a transition decision in one statement: the component moves (guarded by its version), its history row,
 * the request's derived status, the audit row (and the caller's address), the notices (and their e-mail jobs),
 * the timers cleared and set and the jobs that take the next step, all as one data-modifying CTE. One round trip
 * instead of a dozen; the caller's transaction makes it atomic with whatever else the use case writes.
 */
@Injectable()
export class TransitionWriter {
  constructor(
    private readonly registry: InstitutionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(decision: TransitionDecision, context: WriteContext): Promise<Written> {
    const p = new SqlParams();
    const at = p.ref(context.now, 'timestamptz');
    const componentId = p.ref(decision.componentId, 'uuid');
    const event = p.ref(decision.event, 'text');
    const motivation = p.ref(decision.motivation, 'text');
    const { actor } = decision;
    const actorId = p.ref(actor.id, 'text');
    const actorRole = p.ref(actor.role, 'text');
    const actorInstitution = p.ref(actor.institutionCode, 'text');
    const changed = Object.entries(decision.changes).map(([field, value]) => {
      const [column, type] = CHANGE_COLUMNS[field as keyof ComponentFieldChanges];
      return `${column} = ${p.ref(value, type)}`;
    });
    // A place is taken first, and the request moves only with it: a full offering changes nothing.
    const place = decision.takesPlace
      ? [
          `place AS (
            UPDATE offerings SET enrolled_count = enrolled_count + 1
            WHERE id = ${p.ref(context.offeringId, 'uuid')} AND enrolled_count < capacity
            RETURNING id
          )`,
        ]
      : [];
    const ctes = [
      ...place,
      `moved_request AS (
        UPDATE requests SET status = ${p.ref(decision.requestStatus, 'text')}, version = version + 1,
          updated_at = ${at},
          submitted_at = CASE WHEN ${p.ref(decision.marksSubmitted, 'boolean')}
            THEN COALESCE(submitted_at, ${at}) ELSE submitted_at END
        WHERE id = ${p.ref(decision.requestId, 'uuid')}${
          context.expectedRequestVersion === undefined
            ? ''
            : ` AND version = ${p.ref(context.expectedRequestVersion, 'integer')}
                AND EXISTS (SELECT 1 FROM components WHERE id = ${componentId}
                  AND version = ${p.ref(decision.fromVersion, 'integer')})`
        }${place.length > 0 ? ' AND EXISTS (SELECT 1 FROM place)' : ''}
        RETURNING id, version, home_institution_code, home_programme_code
      )`,
      `moved AS (
        UPDATE components SET state = ${p.ref(decision.to, 'text')}, version = components.version + 1,
          updated_at = ${at}${changed.map((c) => `, ${c}`).join('')}
        FROM moved_request
        WHERE components.id = ${componentId} AND components.version = ${p.ref(decision.fromVersion, 'integer')}
        RETURNING components.id, components.request_id
      )`,
      `history AS (
        INSERT INTO transitions (request_id, component_id, event, from_state, to_state, actor_id, actor_role,
          institution_code, motivation, at)
        SELECT moved.request_id, moved.id, ${event}, ${p.ref(decision.from, 'text')},
          ${p.ref(decision.to, 'text')}, ${actorId}, ${actorRole}, ${actorInstitution}, ${motivation}, ${at}
        FROM moved
      )`,
      `audit AS (
        INSERT INTO audit_log (at, actor_id, actor_role, actor_institution_code, action, object_type, object_id,
          request_id, home_institution_code, home_programme_code, request_version, motivation, changes)
        SELECT ${at}, ${actorId}, ${actorRole}, ${actorInstitution}, ${event}, 'component', moved.id,
          moved_request.id, moved_request.home_institution_code, moved_request.home_programme_code,
          moved_request.version, ${motivation}, NULL
        FROM moved, moved_request
        RETURNING id
      )`,
      ...(actor.clientAddress
        ? [
            `audit_address AS (
              INSERT INTO audit_client_addresses (audit_id, client_address, recorded_at)
              SELECT audit.id, ${p.ref(actor.clientAddress, 'text')}, ${at} FROM audit
            )`,
          ]
        : []),
      ...noticeCtes(p, this.notice(decision, context), 'moved'),
      ...this.outboxCte(p, this.outboxRows(decision), at),
    ];
    const [{ request_version, moved, place_taken }] = await context.em.query<
      { request_version: number | null; moved: string; place_taken: boolean }[]
    >(
      `WITH ${ctes.join(',\n')}
      SELECT (SELECT version FROM moved_request) AS request_version, (SELECT count(*) FROM moved) AS moved,
        ${place.length > 0 ? 'EXISTS (SELECT 1 FROM place)' : 'true'} AS place_taken`,
      p.values,
    );
    return {
      requestVersion: request_version !== null && Number(moved) === 1 ? request_version : undefined,
      placeTaken: place_taken,
    };
  }

  private notice(decision: TransitionDecision, context: WriteContext): NoticeRows {
    const due = decision.decisionDueAt;
    return {
      requestId: decision.requestId,
      componentId: decision.componentId,
      version: decision.toVersion,
      kind: decision.event,
      message: noticeMessage(decision.event, context.offeringTitle, due ? dutchDate(due) : ''),
      audiences: decision.audiences,
      scope: decision.scopeAfter,
      examBoardCode: context.examBoardCode,
      emailing: this.config.smtpUrl !== undefined,
      at: context.now,
    };
  }

  /** The timers of the state left go, those of the state reached come, and the jobs of the next step. */
  private outboxRows(decision: TransitionDecision): OutboxRow[] {
    return [
      ...decision.timersCleared.map((t) => this.row(decision, t, 'remove', null)),
      ...decision.timersSet.map((t) => this.row(decision, t, 'add', t.runAt)),
      ...decision.jobs.map((j) => this.row(decision, j, 'add', null)),
    ];
  }

  private row(
    decision: TransitionDecision,
    job: ComponentJobRef<ComponentJobName>,
    operation: OutboxRow['operation'],
    runAt: Date | null,
  ): OutboxRow {
    const { name } = job;
    const payload = {
      requestId: decision.requestId,
      componentId: decision.componentId,
      expectedVersion: job.version,
    };
    const side = decision.scopeAfter;
    const institution = job.side === 'home' ? side.homeInstitutionCode : side.hostInstitutionCode;
    return {
      queue: this.registry.get(institution).queue,
      name,
      jobId: jobIdFor(name, payload),
      operation,
      runAt,
      payload,
    };
  }

  private outboxCte(p: SqlParams, rows: OutboxRow[], at: string): string[] {
    if (rows.length === 0) return [];
    const column = <T>(type: string, of: (row: OutboxRow) => T) => p.ref(rows.map(of), `${type}[]`);
    return [
      `jobs AS (
        INSERT INTO outbox (queue_name, job_name, job_id, operation, run_at, payload, created_at)
        SELECT job.queue_name, job.job_name, job.job_id, job.operation, job.run_at, job.payload, ${at}
        FROM unnest(${column('text', (r) => r.queue)}, ${column('text', (r) => r.name)},
          ${column('text', (r) => r.jobId)}, ${column('text', (r) => r.operation)},
          ${column('timestamptz', (r) => r.runAt)}, ${column('jsonb', (r) => JSON.stringify(r.payload))})
          WITH ORDINALITY AS job(queue_name, job_name, job_id, operation, run_at, payload, n)
        WHERE EXISTS (SELECT 1 FROM moved)
        -- The relay sends in id order: a timer of the state left is removed before anything is added.
        ORDER BY job.n
      )`,
    ];
  }
}
