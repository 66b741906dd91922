import { Injectable } from '@nestjs/common';
import {
  ActionName,
  ComponentState,
  DomainError,
  LearningRoute,
  authorizeRole,
  grantedScopes,
} from '@lr/domain';
import type { Actor } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { RequestStore } from '../writer/request-store';
import { TuitionProofView, TuitionProofs } from '../shared/tuition-proofs';

export const INBOXES = ['exam-board', 'admissions', 'results', 'registrations'] as const;
export type InboxKind = (typeof INBOXES)[number];

/** The action of each inbox in the authorization matrix: who reads it, and which components it holds. */
export const INBOX_ACTIONS: Record<InboxKind, ActionName> = {
  'exam-board': 'inbox.exam-board',
  admissions: 'inbox.admissions',
  results: 'inbox.results',
  registrations: 'inbox.registrations',
};

interface InboxDefinition {
  states: ComponentState[];
  /** What comes first: the nearest deadline of this actor's own, else what has waited longest. */
  firstBy: 'decision_due_at' | 'updated_at';
  /** Whether items carry the proof of paid tuition sent with the component. */
  withTuitionProof: boolean;
}

/** Each actor's work: what awaits their decision, the most urgent first. */
const DEFINITIONS: Record<InboxKind, InboxDefinition> = {
  'exam-board': {
    states: ['awaiting_approval', 'awaiting_recognition'],
    firstBy: 'decision_due_at',
    withTuitionProof: false,
  },
  admissions: {
    // The waiting list in the same order: whoever was placed on it first is admitted first.
    states: ['awaiting_admission', 'waitlisted'],
    // First come, first served: the order in which limited places are given out.
    firstBy: 'updated_at',
    // Enrolling is where the host's tuition rules apply.
    withTuitionProof: true,
  },
  results: {
    states: ['enrolled'],
    firstBy: 'updated_at',
    withTuitionProof: false,
  },
  registrations: {
    states: ['recognised'],
    firstBy: 'updated_at',
    withTuitionProof: false,
  },
};

export interface InboxItem {
  requestId: string;
  componentId: string;
  state: ComponentState;
  version: number;
  route: number;
  studentId: string;
  studentName: string | null;
  homeInstitutionCode: string;
  /** Home-side inboxes only: a host does not need the student's programme (data minimisation). */
  homeProgrammeCode?: string;
  hostInstitutionCode: string;
  offeringId: string;
  offeringTitle: string;
  credits: number;
  creditUnit: string;
  placesLeft: number;
  /** Home-side inboxes only: the home exam board's term is no concern of the host. */
  decisionDueAt?: Date | null;
  enrolmentDeadline: string;
  waitingList: boolean;
  /** Admissions inbox only: the home institution's proof, where this host asked for it. */
  proofOfPaidTuition?: TuitionProofView | null;
  updatedAt: Date;
}

export interface InboxFilter extends PageQuery {
  /** One of the inbox's states, e.g. only recognition decisions in the exam board's inbox. */
  state?: ComponentState;
  route?: LearningRoute;
}

@Injectable()
export class InboxQuery {
  constructor(
    private readonly store: RequestStore,
    private readonly tuitionProofs: TuitionProofs,
  ) {}

  async list(actor: Actor, kind: InboxKind, query: InboxFilter): Promise<Page<InboxItem>> {
    const def = DEFINITIONS[kind];
    authorizeRole(actor, INBOX_ACTIONS[kind]);
    // Each inbox grants its role one scope: components of its programmes, of its institution as home, or
    // hosted at its institution.
    const [scope] = grantedScopes(INBOX_ACTIONS[kind], actor.role);
    const side = scope === 'host-institution' ? 'host' : 'home';
    if (query.state && !def.states.includes(query.state)) {
      throw new DomainError(
        'INBOX.STATE_NOT_IN_INBOX',
        `The ${kind} inbox holds ${def.states.join(', ')}.`,
        { field: 'state' },
      );
    }
    const states = query.state ? [query.state] : def.states;
    // Only components are filtered, counted and ordered, so each inbox reads its own partial index (see
    // ComponentEntity); offerings, requests and people are joined for the one page shown.
    const matching = this.store.dataSource
      .createQueryBuilder()
      .from('components', 'c')
      .where(`c.${side}_institution_code = :institution`, {
        institution: actor.institutionCode,
      })
      .andWhere('c.state IN (:...states)', { states });
    if (query.route) matching.andWhere('c.route = :route', { route: query.route });
    if (scope === 'own-programme') {
      matching.andWhere('c.home_programme_code IN (:...programmes)', {
        programmes: [...actor.programmeCodes, ''],
      });
    }
    const page = matching
      .clone()
      .select('c.*')
      .orderBy(`c.${def.firstBy}`, 'ASC', 'NULLS LAST')
      .addOrderBy('c.updated_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .offset(offsetOf(query))
      .limit(query.pageSize);
    const rows = await this.store.dataSource
      .createQueryBuilder()
      .from(`(${page.getQuery()})`, 'c')
      .setParameters(page.getParameters())
      .innerJoin('offerings', 'o', 'o.id = c.offering_id')
      .innerJoin('requests', 'r', 'r.id = c.request_id')
      .leftJoin(
        'people',
        'p',
        'p.institution_code = r.home_institution_code AND p.id = r.student_id',
      )
      .select([
        'c.request_id AS "requestId"',
        'c.id AS "componentId"',
        'c.state AS state',
        'c.version AS version',
        'c.route AS route',
        'r.student_id AS "studentId"',
        'p.name AS "studentName"',
        'c.home_institution_code AS "homeInstitutionCode"',
        'c.home_programme_code AS "homeProgrammeCode"',
        'c.host_institution_code AS "hostInstitutionCode"',
        'o.id AS "offeringId"',
        'o.title AS "offeringTitle"',
        'o.credits::float AS credits',
        'o.credit_unit AS "creditUnit"',
        'o.capacity - o.enrolled_count AS "placesLeft"',
        'o.waiting_list AS "waitingList"',
        'c.decision_due_at AS "decisionDueAt"',
        'o.enrolment_deadline::text AS "enrolmentDeadline"',
        'c.updated_at AS "updatedAt"',
        // The count in the same statement, from the inbox's own index: one round trip for the page and its total.
        `(${matching.clone().select('count(*)::int').getQuery()}) AS "total"`,
      ])
      .orderBy(`c.${def.firstBy}`, 'ASC', 'NULLS LAST')
      .addOrderBy('c.updated_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawMany<InboxItem & { total?: number }>();
    // A page past the end has no row to carry the count; the first page is empty only when nothing matches.
    const total =
      rows[0]?.total ?? (offsetOf(query) === 0 ? 0 : await matching.getCount());
    rows.forEach((row) => delete row.total);
    const hostSide = side === 'host' ? rows.map(withoutHomeFacts) : rows;
    const items = def.withTuitionProof ? await this.withTuitionProofs(hostSide) : hostSide;
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  private async withTuitionProofs(items: InboxItem[]): Promise<InboxItem[]> {
    const proofs = await this.tuitionProofs.viewsOf(items.map((i) => i.componentId));
    return items.map((i) => ({ ...i, proofOfPaidTuition: proofs.get(i.componentId) ?? null }));
  }
}

/** What a host's inbox leaves out of an item: facts of the student's home side (data minimisation). */
function withoutHomeFacts({
  homeProgrammeCode: _programme,
  decisionDueAt: _term,
  ...item
}: InboxItem): InboxItem {
  return item;
}
