import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import {
  ComponentEntity,
  ExamBoardEntity,
  NotificationEntity,
  PersonEntity,
  RequestEntity,
} from '@lr/database';
import { Audience, NotificationKind, PersonKey, Role, dutchDate } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { NOTIFICATIONS_QUEUE, enqueueInTransaction } from '@lr/queue';
import { offeringOf } from './offering-of';
import { scopeOf } from './component-scope';
import { studentOf } from './people';

const HOST_AUDIENCES: readonly Audience[] = ['host-admissions', 'host-registrars'];

const MESSAGES: Record<NotificationKind, (unit: string, due: string) => string> = {
  submit: (unit) => `A request to take ${unit} awaits your decision.`,
  withdraw: (unit) => `The student withdrew the request for ${unit}.`,
  approve: (unit) => `The exam board approved ${unit}; it goes to the host for admission.`,
  reject: (unit) =>
    `The exam board rejected ${unit}. The request shows its motivation; you can appeal within six weeks.`,
  object: (unit) =>
    `The student objects to the rejection of ${unit}; the request awaits your review with their grounds.`,
  deliver_to_host: (unit) => `A student of a partner asks admission to ${unit}.`,
  refuse_admission: (unit) => `The host did not admit you to ${unit}; the request shows why.`,
  admit: (unit) => `Enrolled for ${unit}.`,
  waitlist: (unit) =>
    `${unit} is full; you are on its waiting list. The request shows your place in the queue.`,
  expire: (unit) =>
    `The enrolment deadline of ${unit} passed without a place for you; the request shows why.`,
  record_provisional_result: (unit) => `A provisional result for ${unit} was recorded.`,
  record_result: (unit) => `The result for ${unit} was recorded and sent to your home institution.`,
  recognise_automatically: (unit) =>
    `${unit} was recognised under the approval; the credits await registration.`,
  refer_to_exam_board: (unit) => `The result for ${unit} needs your recognition decision.`,
  recognise: (unit) => `${unit} was recognised; the credits await registration.`,
  refuse_recognition: (unit) => `${unit} was not recognised; the request shows the motivation.`,
  register: (unit) => `The credits for ${unit} are in your credit record.`,
  delivery_failed: (unit) => `Delivery for ${unit} failed after all retries; it can be sent again.`,
  redeliver: (unit) => `Delivery for ${unit} was started again.`,
  cancel: (unit) => `The host canceled the enrolment for ${unit}; the request shows its message.`,
  decision_reminder: (unit, due) => `The decision term for ${unit} ends on ${due}.`,
  decision_overdue: (unit, due) =>
    `The exam board's decision term for ${unit} ended on ${due} without a decision. ` +
    'A decision not taken in time can be appealed.',
};

export interface Notice {
  request: RequestEntity;
  component: ComponentEntity;
  kind: NotificationKind;
  audiences: readonly Audience[];
  now: Date;
}

/**
 * Tells people what happened, in the transaction of the change itself. Each notice is stored once per
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
    const recipients = await this.recipients(em, notice);
    if (recipients.length === 0) return;
    const offering = await offeringOf(em, component.offeringId);
    const due = component.decisionDueAt ? dutchDate(component.decisionDueAt) : '';
    const message = MESSAGES[kind](offering.title, due);
    const emailing = this.config.smtpUrl !== undefined;
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(
        recipients.map((recipient) => ({
          recipientId: recipient.id,
          recipientInstitutionCode: recipient.institutionCode,
          requestId: request.id,
          componentId: component.id,
          kind,
          message,
          dedupeKey: `${component.id}-${kind}-v${component.version}-${recipient.institutionCode}:${recipient.id}`,
          createdAt: now,
          readAt: null,
          emailStatus: emailing ? ('pending' as const) : ('none' as const),
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!emailing) return;
    for (const { id } of inserted.raw as { id: string }[]) {
      await enqueueInTransaction(
        em,
        NOTIFICATIONS_QUEUE,
        'notification.send-email',
        { notificationId: id },
        now,
      );
    }
  }

  private async recipients(
    em: EntityManager,
    { request, component, audiences }: Notice,
  ): Promise<PersonKey[]> {
    const home = request.homeInstitutionCode;
    const host = component.hostInstitutionCode;
    const people = (role: Role, institutions: string[]) =>
      em.find(PersonEntity, {
        where: { role, institutionCode: In(institutions) },
        select: { institutionCode: true, id: true, programmeCodes: true },
      });
    const boardMembers = async (): Promise<PersonKey[]> =>
      (await people('exam-board', [home])).filter((p) =>
        p.programmeCodes.includes(request.homeProgrammeCode),
      );
    // Keyed by institution and subject: people of two institutions may share a subject.
    const recipients = new Map<string, PersonKey>();
    const add = (keys: PersonKey[]) =>
      keys.forEach((k) =>
        recipients.set(`${k.institutionCode}:${k.id}`, {
          institutionCode: k.institutionCode,
          id: k.id,
        }),
      );
    // Told only who may see the component: the home side once it was submitted, the host once it was sent there.
    const { submitted, sentToHost } = scopeOf(request, component);
    const visible = (audience: Audience) =>
      audience === 'student' || (HOST_AUDIENCES.includes(audience) ? sentToHost : submitted);
    for (const audience of audiences.filter(visible)) {
      switch (audience) {
        case 'student':
          add([studentOf(request)]);
          break;
        case 'home-exam-board':
          add(await boardMembers());
          break;
        case 'exam-board-chair': {
          const board = this.registry.examBoardForProgramme(home, request.homeProgrammeCode);
          const row = await em.findOneBy(ExamBoardEntity, {
            institutionCode: home,
            code: board.code,
          });
          // The chair is a member of the board, so of its institution.
          add(
            row?.chairPersonId
              ? [{ institutionCode: home, id: row.chairPersonId }]
              : await boardMembers(),
          );
          break;
        }
        case 'host-admissions':
          add(await people('host-admissions', [host]));
          break;
        case 'host-registrars':
          add(await people('registrar', [host]));
          break;
        case 'home-registrars':
          add(await people('registrar', [home]));
          break;
        case 'admins':
          add(await people('admin', sentToHost ? [home, host] : [home]));
          break;
      }
    }
    return [...recipients.values()];
  }
}
