import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  ComponentEntity,
  ComponentResultEntity,
  CreditEntryEntity,
  InstitutionEntity,
  OfferingEntity,
  PersonEntity,
  ProgrammeEntity,
  RecognitionEntity,
  RequestEntity,
  TransitionEntity,
} from '@lr/database';
import { Actor, ForbiddenError, NotFoundError, canSee } from '@lr/domain';
import { Page, PageQuery, offsetOf } from './pagination';
import { scopeOf } from './component-scope';
import { RequestStore } from './request-store';

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
  constructor(private readonly store: RequestStore) {}

  async get(actor: Actor, requestId: string) {
    const em = this.store.dataSource.manager;
    const request = await em.findOneBy(RequestEntity, { id: requestId });
    const all = request
      ? await em.find(ComponentEntity, { where: { requestId }, order: { position: 'ASC' } })
      : [];
    const components = all.filter((c) => canSee(actor, scopeOf(request!, c)));
    if (!request || components.length === 0) throw new NotFoundError('request', requestId);

    const ids = components.map((c) => c.id);
    const [
      offerings,
      results,
      recognitions,
      credits,
      transitions,
      student,
      programme,
      institutions,
    ] = await Promise.all([
      em.findBy(OfferingEntity, { id: In(components.map((c) => c.offeringId)) }),
      em.findBy(ComponentResultEntity, { componentId: In(ids) }),
      em.findBy(RecognitionEntity, { componentId: In(ids) }),
      em.findBy(CreditEntryEntity, { componentId: In(ids) }),
      em.find(TransitionEntity, { where: { componentId: In(ids) }, order: { id: 'ASC' } }),
      em.findOneBy(PersonEntity, { id: request.studentId }),
      em.findOneBy(ProgrammeEntity, {
        institutionCode: request.homeInstitutionCode,
        code: request.homeProgrammeCode,
      }),
      em.find(InstitutionEntity),
    ]);
    const positions = await this.waitingListPositions(components);
    const institutionName = (code: string) =>
      institutions.find((i) => i.code === code)?.name ?? code;
    const byComponent = <T extends { componentId: string }>(rows: T[], id: string) =>
      rows.find((r) => r.componentId === id) ?? null;

    return {
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
    if (actor.role !== 'student') {
      throw new ForbiddenError(
        'Only students have a list of their own requests; staff use their inbox.',
      );
    }
    const [items, total] = await this.store.dataSource.manager.findAndCount(RequestEntity, {
      where: { studentId: actor.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    return { items, total, ...query };
  }
}

export type RequestView = Awaited<ReturnType<RequestViewsQuery['get']>>;
