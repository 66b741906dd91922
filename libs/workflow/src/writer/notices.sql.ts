import { Audience, ComponentScope, NotificationKind } from '@lr/domain';
import { EMAIL_JOB_PREFIX, NOTIFICATIONS_QUEUE } from '@lr/queue';
import { SqlParams } from './sql-params';

/** One notice to store: what happened to which component, for which audiences, in the component's version. */
export interface NoticeRows {
  requestId: string;
  componentId: string;
  /** The component's version the notice belongs to: a job that runs twice tells no one twice. */
  version: number;
  kind: NotificationKind;
  message: string;
  /** Already limited to who may see the component (mayBeTold). */
  audiences: readonly Audience[];
  scope: ComponentScope;
  /** The exam board of the student's programme: its chair is told of an overdue decision. */
  examBoardCode: string;
  emailing: boolean;
  at: Date;
}

/**
 * The people an audience names, as one SELECT of (institution_code, id): the student, a role at the home or the
 * host institution, exam-board members by programme, the board's chair (or its members while it has none).
 */
function recipientsSql(p: SqlParams, notice: NoticeRows): string {
  const { scope, audiences } = notice;
  const tells = (audience: Audience) => p.ref(audiences.includes(audience), 'boolean');
  const home = p.ref(scope.homeInstitutionCode, 'text');
  const host = p.ref(scope.hostInstitutionCode, 'text');
  const programme = p.ref(scope.homeProgrammeCode, 'text');
  const board = p.ref(notice.examBoardCode, 'text');
  const chairOf = `SELECT b.chair_person_id FROM exam_boards b
      WHERE b.institution_code = ${home} AND b.code = ${board} AND b.chair_person_id IS NOT NULL`;
  const boardMember = `p.role = 'exam-board' AND p.institution_code = ${home}
      AND ${programme} = ANY(p.programme_codes)`;
  return `SELECT DISTINCT institution_code, id FROM (
      SELECT ${home} AS institution_code, ${p.ref(scope.studentId, 'text')} AS id WHERE ${tells('student')}
      UNION ALL
      SELECT p.institution_code, p.id FROM people p WHERE
           (${tells('home-exam-board')} AND ${boardMember})
        OR (${tells('exam-board-chair')} AND ${boardMember} AND NOT EXISTS (${chairOf}))
        OR (${tells('host-admissions')} AND p.role = 'host-admissions' AND p.institution_code = ${host})
        OR (${tells('host-registrars')} AND p.role = 'registrar' AND p.institution_code = ${host})
        OR (${tells('home-registrars')} AND p.role = 'registrar' AND p.institution_code = ${home})
        OR (${tells('admins')} AND p.role = 'admin' AND (p.institution_code = ${home}
              OR (${p.ref(scope.sentToHost, 'boolean')} AND p.institution_code = ${host})))
      UNION ALL
      SELECT ${home}, chair.chair_person_id FROM (${chairOf}) chair WHERE ${tells('exam-board-chair')}
    ) recipient`;
}

/**
 * The CTEs that store a notice for each recipient (once per component version and person: the dedupe key) and,
 * when e-mail is on, a job per stored notice in the outbox. `after` names a CTE that must have a row for
 * anything to be stored (the component's update), or nothing.
 */
export function noticeCtes(p: SqlParams, notice: NoticeRows, after?: string): string[] {
  if (notice.audiences.length === 0) return [];
  const at = p.ref(notice.at, 'timestamptz');
  const componentId = p.ref(notice.componentId, 'uuid');
  const kind = p.ref(notice.kind, 'text');
  const dedupePrefix = p.ref(`${notice.componentId}-${notice.kind}-v${notice.version}-`, 'text');
  const ctes = [
    `notices AS (
      INSERT INTO notifications (recipient_id, recipient_institution_code, request_id, component_id, kind,
        message, dedupe_key, created_at, read_at, email_status)
      SELECT recipient.id, recipient.institution_code, ${p.ref(notice.requestId, 'uuid')}, ${componentId},
        ${kind}, ${p.ref(notice.message, 'text')},
        ${dedupePrefix} || recipient.institution_code || ':' || recipient.id, ${at}, NULL,
        ${p.ref(notice.emailing ? 'pending' : 'none', 'text')}
      FROM (${recipientsSql(p, notice)}) recipient
      ${after ? `WHERE EXISTS (SELECT 1 FROM ${after})` : ''}
      ON CONFLICT DO NOTHING
      RETURNING id
    )`,
  ];
  if (notice.emailing) {
    ctes.push(`notice_emails AS (
      INSERT INTO outbox (queue_name, job_name, job_id, operation, run_at, payload, created_at)
      SELECT ${p.ref(NOTIFICATIONS_QUEUE, 'text')}, 'notification.send-email',
        ${p.ref(EMAIL_JOB_PREFIX, 'text')} || notices.id, 'add', NULL,
        jsonb_build_object('notificationId', notices.id), ${at}
      FROM notices
    )`);
  }
  return ctes;
}
