import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ComponentEntity, RequestEntity } from '@lr/database';
import { Audience, NotificationKind, dutchDate, mayBeTold } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { noticeCtes } from './notices.sql';
import { SqlParams } from './sql-params';
import { scopeOf } from '../shared/component-scope';
import { noticeMessage } from './notice-messages';
import { offeringOf } from '../shared/offering-of';

export interface Notice {
  request: RequestEntity;
  component: ComponentEntity;
  kind: NotificationKind;
  audiences: readonly Audience[];
  now: Date;
}

/**
 * Tells people of what a timer found (a decision term running out or passed), in the transaction that acts on
 * it; a transition's own notices are part of its decision (TransitionWriter). Each notice is stored once per
 * component version and person, so a job that runs twice tells no one twice. E-mail, when SMTP is configured,
 * is a job of its own: a mail server that is down delays the mail, never the workflow.
 */
@Injectable()
export class Notifier {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: InstitutionRegistry,
  ) {}

  async notify(em: EntityManager, notice: Notice): Promise<void> {
    const { request, component, kind, now } = notice;
    const scope = scopeOf(request, component);
    const audiences = notice.audiences.filter((a) => mayBeTold(a, scope));
    if (audiences.length === 0) return;
    const offering = await offeringOf(em, component.offeringId);
    const due = component.decisionDueAt ? dutchDate(component.decisionDueAt) : '';
    const p = new SqlParams();
    const ctes = noticeCtes(p, {
      requestId: request.id,
      componentId: component.id,
      version: component.version,
      kind,
      message: noticeMessage(kind, offering.title, due),
      audiences,
      scope,
      examBoardCode: this.registry.examBoardForProgramme(
        request.homeInstitutionCode,
        request.homeProgrammeCode,
      ).code,
      emailing: this.config.smtpUrl !== undefined,
      at: now,
    });
    await em.query(`WITH ${ctes.join(',\n')} SELECT count(*) FROM notices`, p.values);
  }
}
