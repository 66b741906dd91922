import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  ComponentEntity,
  CountsAs,
  OfferingEntity,
  RequestEntity,
  TransitionEntity,
} from '@lr/database';
import { InstitutionRegistry } from '@lr/institutions';
import {
  Actor,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  authorizeOwn,
  deriveRoute,
} from '@lr/domain';
import { recordAudit } from '../writer/audit-trail';
import { asLiveOffering, refuseLiveDuplicates } from '../shared/live-offerings';
import { RequestStore } from '../writer/request-store';

export interface ComponentDraft {
  offeringId: string;
  countsAs: CountsAs;
  /** Required when countsAs is 'replacement': the home unit this one replaces. */
  replacesUnit?: string;
  motivation: string;
}

export interface CreateRequestCommand {
  motivation: string;
  components: ComponentDraft[];
}

/** A student composes a request: one component per host offering, each with its derived learning route. */
@Injectable()
export class CreateRequestUseCase {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(actor: Actor, command: CreateRequestCommand): Promise<string> {
    authorizeOwn(actor, 'request.create');
    if (actor.programmeCodes.length !== 1) {
      throw new ForbiddenError('Only a student enrolled in a programme can compose a request.');
    }
    const ids = command.components.map((c) => c.offeringId);
    if (new Set(ids).size !== ids.length) {
      throw new DomainError(
        'REQUEST.DUPLICATE_OFFERING',
        'Each offering may appear once in a request.',
        {
          field: 'components',
        },
      );
    }
    command.components.forEach((c, i) => {
      if (c.countsAs === 'replacement' && !c.replacesUnit?.trim()) {
        throw new DomainError(
          'COMPONENT.REPLACES_UNIT_REQUIRED',
          'Name the home unit that this component replaces.',
          { field: `components.${i}.replacesUnit` },
        );
      }
    });
    const home = this.registry.get(actor.institutionCode);
    const homePlacement = {
      institutionCode: home.code,
      sector: home.sector,
      programmeCode: actor.programmeCodes[0],
    };

    return this.store.dataSource.transaction(async (em) => {
      const offerings = await em.findBy(OfferingEntity, { id: In(ids) });
      const missing = ids.find((id) => !offerings.some((o) => o.id === id));
      if (missing) throw new NotFoundError('offering', missing);
      const closed = ids.findIndex((id) => offerings.find((o) => o.id === id)!.closedAt);
      if (closed >= 0) {
        const offering = offerings.find((o) => o.id === ids[closed])!;
        // Its institution took it out of the catalogue; requests made before go on.
        throw new ConflictError(
          'OFFERING.CLOSED',
          `${offering.title} is no longer offered: its institution closed it.`,
          { field: `components.${closed}.offeringId`, offeringId: offering.id },
        );
      }
      await refuseLiveDuplicates(em, actor, offerings);
      const now = this.store.now();
      const request = await em.save(
        Object.assign(new RequestEntity(), {
          studentId: actor.id,
          homeInstitutionCode: home.code,
          homeProgrammeCode: homePlacement.programmeCode,
          motivation: command.motivation,
          status: 'draft',
          version: 1,
          createdAt: now,
          submittedAt: null,
          updatedAt: now,
        }),
      );
      for (const [position, draft] of command.components.entries()) {
        const offering = offerings.find((o) => o.id === draft.offeringId)!;
        const host = this.registry.get(offering.institutionCode);
        const route = deriveRoute(homePlacement, {
          institutionCode: host.code,
          sector: host.sector,
          programmeCode: offering.programmeCode,
        });
        const component = await asLiveOffering(
          () =>
            em.save(
              Object.assign(new ComponentEntity(), {
                requestId: request.id,
                position,
                offeringId: offering.id,
                homeInstitutionCode: home.code,
                homeProgrammeCode: homePlacement.programmeCode,
                studentId: actor.id,
                hostInstitutionCode: host.code,
                route,
                countsAs: draft.countsAs,
                replacesUnit: draft.countsAs === 'replacement' ? draft.replacesUnit!.trim() : null,
                motivation: draft.motivation,
                state: 'draft',
                version: 1,
                updatedAt: now,
              }),
            ),
          [offering],
        );
        // Creation opens the timeline; it is not a transition of the state table.
        await em.insert(TransitionEntity, {
          requestId: request.id,
          componentId: component.id,
          event: 'create',
          fromState: 'none',
          toState: 'draft',
          actorId: actor.id,
          actorRole: actor.role,
          institutionCode: actor.institutionCode,
          motivation: draft.motivation,
          at: now,
        });
      }
      // The student's own words to the exam board are personal data: their creation is audited.
      await recordAudit(em, {
        actor,
        action: 'create',
        objectType: 'request',
        objectId: request.id,
        request,
        motivation: request.motivation,
        at: now,
      });
      return request.id;
    });
  }
}
