import { NotificationKind } from '@lr/domain';

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

/** What a notice says, in the words of the unit it is about (and the decision term's last day, where one runs). */
export function noticeMessage(kind: NotificationKind, unit: string, due: string): string {
  return MESSAGES[kind](unit, due);
}
