import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  ComponentEntity,
  ComponentResultEntity,
  CreditEntryEntity,
  OfferingEntity,
  RecognitionEntity,
  RequestEntity,
  TransitionEntity,
} from '@lr/database';
import {
  Actor,
  ENROLLED_OR_LATER,
  Scope,
  NotFoundError,
  authorizeOwn,
  canSee,
  grantedScopes,
  objectionTermEnds,
  sideOfStep,
} from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { Page, PageQuery, offsetOf } from './pagination';
import { scopeOf } from '../shared/component-scope';
import { findPerson, requestsOf, studentOf } from '../shared/people';
import { RequestStore, requestScopes } from '../writer/request-store';
import { TuitionProofs } from '../shared/tuition-proofs';

export interface TimelineEntry {
  at: Date;
  componentId: string;
  event: string;
  from: string;
  to: string;
  actor: { id: string; role: string; institutionCode: string };
  motivation: string | null;
}

/** The request as one actor may see it: the components they may see, and one timeline across all parties. */
@Injectable()
export class RequestViewsQuery {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly tuitionProofs: TuitionProofs,
  ) {}

  /**
   * The request as this actor may see it. A host's staff get the host's view (data minimisation, AVG art. 5):
   * only what a host needs to admit, enrol and grade.
   */
  async get(actor: Actor, requestId: string): Promise<RequestView | HostRequestView> {
    const { view, studentEmail, isHostSide } = await this.load(actor, requestId);
    return isHostSide ? forHost(view, studentEmail, actor.institutionCode) : view;
  }

  /** The whole view (what the student and their home institution see), and whether the actor is the host. */
  async load(actor: Actor, requestId: string) {
    const em = this.store.dataSource.manager;
    const [request, all] = await Promise.all([
      em.findOneBy(RequestEntity, { id: requestId }),
      em.find(ComponentEntity, { where: { requestId }, order: { position: 'ASC' } }),
    ]);
    const components = all.filter((c) => canSee(actor, scopeOf(request!, c)));
    if (!request || components.length === 0) throw new NotFoundError('request', requestId);

    const ids = components.map((c) => c.id);
    // Results, recognitions and credits exist only from enrolment on: most views are read before, unqueried.
    const enrolled = components.filter((c) => ENROLLED_OR_LATER.has(c.state)).map((c) => c.id);
    const ofEnrolled = { componentId: In(enrolled) };
    // A proof of paid tuition goes with delivery to the host, which also gives the enrolment reference.
    const delivered = components.filter((c) => c.enrolmentReference !== null).map((c) => c.id);
    const [offerings, results, recognitions, credits, transitions, student, positions, proofs] =
      await Promise.all([
        em.findBy(OfferingEntity, { id: In(components.map((c) => c.offeringId)) }),
        enrolled.length ? em.findBy(ComponentResultEntity, ofEnrolled) : [],
        enrolled.length ? em.findBy(RecognitionEntity, ofEnrolled) : [],
        enrolled.length ? em.findBy(CreditEntryEntity, ofEnrolled) : [],
        em.find(TransitionEntity, { where: { componentId: In(ids) }, order: { id: 'ASC' } }),
        findPerson(em, studentOf(request)),
        this.waitingListPositions(components),
        this.tuitionProofs.viewsOf(delivered),
      ]);
    // Institutions and programmes come from the registry the database was seeded from: no query needed.
    const institutionName = (code: string) => this.registry.find(code)?.name ?? code;
    const programme = this.registry
      .find(request.homeInstitutionCode)
      ?.programmes.find((p) => p.code === request.homeProgrammeCode);
    const byComponent = <T extends { componentId: string }>(rows: T[], id: string) =>
      rows.find((r) => r.componentId === id) ?? null;

    // The host's view for whoever reads the request only as its host, not through a home-side scope.
    const homeSide: readonly Scope[] = grantedScopes('request.read', actor.role).filter(
      (s) => s !== 'host-institution',
    );
    const isHostSide = !requestScopes(actor, request, components).some((s) => homeSide.includes(s));
    const view = {
      id: request.id,
      status: request.status,
      version: request.version,
      student: {
        id: request.studentId,
        name: student?.name ?? null,
        studentNumber: student?.studentNumber ?? null,
      },
      homeInstitution: {
        code: request.homeInstitutionCode,
        name: institutionName(request.homeInstitutionCode),
      },
      homeProgramme: { code: request.homeProgrammeCode, name: programme?.name ?? null },
      motivation: request.motivation,
      createdAt: request.createdAt,
      submittedAt: request.submittedAt,
      components: components.map((c) => {
        const offering = offerings.find((o) => o.id === c.offeringId)!;
        const entry = byComponent(credits, c.id);
        return {
          id: c.id,
          position: c.position,
          state: c.state,
          version: c.version,
          route: c.route,
          host: { code: c.hostInstitutionCode, name: institutionName(c.hostInstitutionCode) },
          offering: {
            id: offering.id,
            code: offering.code,
            title: offering.title,
            credits: offering.credits,
            creditUnit: offering.creditUnit,
            period: offering.period,
            enrolmentDeadline: offering.enrolmentDeadline,
          },
          countsAs: c.countsAs,
          replacesUnit: c.replacesUnit,
          motivation: c.motivation,
          decisionDueAt: c.decisionDueAt,
          approval:
            c.approvalReference === null
              ? null
              : {
                  credits: c.approvedCredits,
                  creditUnit: c.approvedCreditUnit,
                  placement: c.approvedPlacement,
                  reference: c.approvalReference,
                },
          enrolmentReference: c.enrolmentReference,
          waitingListPosition: positions.get(c.id) ?? null,
          proofOfPaidTuition: proofs.get(c.id) ?? null,
          rejection: this.rejectionOf(request, c, transitions),
          result: byComponent(results, c.id),
          recognition: byComponent(recognitions, c.id),
          registration: entry
            ? { creditEntryId: entry.id, registeredAt: entry.registeredAt }
            : null,
        };
      }),
      timeline: transitions.map((t): TimelineEntry => ({
        at: t.at,
        componentId: t.componentId,
        event: t.event,
        from: t.fromState,
        to: t.toState,
        actor: { id: t.actorId, role: t.actorRole, institutionCode: t.institutionCode },
        motivation: t.motivation,
      })),
    };
    return { view, studentEmail: student?.email ?? null, isHostSide };
  }

  /**
   * A rejection or refusal as the student must be told it (Awb art. 3:45): when, by whom, why, and where and
   * until when to appeal; for an exam board's rejection also until when the student may object.
   */
  private rejectionOf(
    request: RequestEntity,
    component: ComponentEntity,
    transitions: TransitionEntity[],
  ) {
    if (component.state !== 'rejected_by_exam_board' && component.state !== 'rejected_by_host') {
      return null;
    }
    const decision = transitions
      .filter((t) => t.componentId === component.id && t.toState === component.state)
      .at(-1);
    if (!decision) return null;
    const byBoard = component.state === 'rejected_by_exam_board';
    const institution = byBoard ? request.homeInstitutionCode : component.hostInstitutionCode;
    const institutionName = this.registry.find(institution)?.name ?? institution;
    const until = objectionTermEnds(decision.at);
    return {
      at: decision.at,
      decidedBy: byBoard
        ? this.registry.examBoardForProgramme(
            request.homeInstitutionCode,
            request.homeProgrammeCode,
          ).name
        : `${institutionName}, admissions`,
      motivation: decision.motivation,
      appeal: {
        to: `Examination Appeals Board (College van beroep voor de examens) of ${institutionName}`,
        until,
      },
      objectionUntil: byBoard ? until : null,
    };
  }

  /** Place in line of each waitlisted component: those put on the offering's list before it, plus one. */
  private async waitingListPositions(components: ComponentEntity[]): Promise<Map<string, number>> {
    const waiting = components.filter((c) => c.state === 'waitlisted');
    const positions = new Map<string, number>();
    for (const c of waiting) {
      const ahead = await this.store.dataSource
        .createQueryBuilder()
        .from('components', 'w')
        .where("w.offering_id = :offering AND w.state = 'waitlisted'", { offering: c.offeringId })
        .andWhere('(w.updated_at, w.id) < (:at, :id)', { at: c.updatedAt, id: c.id })
        .getCount();
      positions.set(c.id, ahead + 1);
    }
    return positions;
  }

  /** A student's own requests, newest first. */
  async listOwn(actor: Actor, query: PageQuery): Promise<Page<RequestEntity>> {
    authorizeOwn(actor, 'request.list');
    const [items, total] = await this.store.dataSource.manager.findAndCount(RequestEntity, {
      where: requestsOf(actor),
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items, total, ...query };
  }
}

export type RequestView = Awaited<ReturnType<RequestViewsQuery['load']>>['view'];
export type HostRequestView = ReturnType<typeof forHost>;

/**
 * What a host's staff see: the student's name, home institution, student number and e-mail; the components at
 * this host with their offering, state, enrolment reference, proof of paid tuition (where the host asked for
 * it), result and refusal; and of the timeline only the steps the host side took at this host (sideOfStep),
 * even where home and host are one institution (learning route 4). Not the student's motivation to their exam
 * board, not the exam board's approval or recognition, not the home programme, not results from elsewhere.
 */
function forHost(view: RequestView, studentEmail: string | null, hostCode: string) {
  const hostComponents = new Set(
    view.components.filter((c) => c.host.code === hostCode).map((c) => c.id),
  );
  return {
    id: view.id,
    status: view.status,
    version: view.version,
    student: { ...view.student, email: studentEmail },
    homeInstitution: view.homeInstitution,
    components: view.components.map((c) => ({
      id: c.id,
      position: c.position,
      state: c.state,
      version: c.version,
      route: c.route,
      host: c.host,
      offering: c.offering,
      enrolmentReference: c.enrolmentReference,
      waitingListPosition: c.waitingListPosition,
      // Only a host that asked for it has one: it was sent with the component.
      proofOfPaidTuition: c.proofOfPaidTuition,
      rejection: c.rejection,
      result: c.result,
    })),
    timeline: view.timeline.filter(
      (e) =>
        hostComponents.has(e.componentId) &&
        sideOfStep(
          {
            event: e.event,
            from: e.from,
            actorRole: e.actor.role,
            actorInstitutionCode: e.actor.institutionCode,
          },
          hostCode,
        ) === 'host',
    ),
  };
}
