import type { ComponentEvent } from './component-state';

/** Groups of people told about something that happened to a component. */
export type Audience =
  | 'student'
  | 'home-exam-board'
  | 'exam-board-chair'
  | 'host-admissions'
  | 'host-registrars'
  | 'home-registrars'
  | 'admins';

/**
 * Who is told of each event: those whose next step it is, and the student whenever their request moves.
 * A Record, so a new event does not compile until someone decides who hears of it.
 */
export const AUDIENCES_OF_EVENT: Record<ComponentEvent, readonly Audience[]> = {
  submit: ['home-exam-board'],
  withdraw: ['home-exam-board', 'host-admissions'],
  approve: ['student'],
  reject: ['student'],
  object: ['home-exam-board'],
  deliver_to_host: ['host-admissions'],
  refuse_admission: ['student'],
  admit: ['student', 'host-registrars'],
  waitlist: ['student'],
  expire: ['student'],
  record_provisional_result: ['student'],
  record_result: ['student'],
  recognise_automatically: ['student', 'home-registrars'],
  refer_to_exam_board: ['home-exam-board'],
  recognise: ['student', 'home-registrars'],
  refuse_recognition: ['student'],
  register: ['student'],
  delivery_failed: ['admins'],
  redeliver: [],
  cancel: ['student', 'home-exam-board'],
};

/** Notices that come from a timer rather than from a transition. */
export const TIMER_NOTICES = {
  /** The exam board's decision term is running out. */
  decision_reminder: ['home-exam-board'],
  /** The term has passed: the chair is told, and the student that the silence can be appealed. */
  decision_overdue: ['exam-board-chair', 'student'],
} as const satisfies Record<string, readonly Audience[]>;

export type NotificationKind = ComponentEvent | keyof typeof TIMER_NOTICES;
