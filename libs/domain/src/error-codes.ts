/**
 * What can go wrong in the domain, one code each, and what kind of failure it is: the kind, not the place that
 * throws, decides how it is answered (the API's problem filter maps it to an HTTP status; the worker fails the
 * job for good). The OpenAPI document lists these codes. Not-found codes come from the things looked up
 * (NOT_FOUND_SUBJECTS).
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict';

/** The things a caller can name that may not exist: each has the code '<THING>.NOT_FOUND'. */
export const NOT_FOUND_SUBJECTS = [
  'association',
  'component',
  'course',
  'institution',
  'notification',
  'offering',
  'person',
  'request',
  'student',
] as const;
export type NotFoundSubject = (typeof NOT_FOUND_SUBJECTS)[number];
type NotFoundCode = `${Uppercase<NotFoundSubject>}.NOT_FOUND`;

const RAISED = {
  'ACCESS.FORBIDDEN': 'forbidden',
  'ASSOCIATION.NO_RESULT_YET': 'conflict',
  'CATALOGUE.NO_OWN_SYSTEM': 'invalid',
  'COMPONENT.ILLEGAL_TRANSITION': 'conflict',
  'COMPONENT.OWN_PROGRAMME': 'invalid',
  'COMPONENT.REPLACES_UNIT_REQUIRED': 'invalid',
  'COMPONENT.STALE_VERSION': 'conflict',
  'CREDITS.INVALID': 'invalid',
  'DECISION.MOTIVATION_REQUIRED': 'invalid',
  'DECISION.REASON_REQUIRED': 'invalid',
  'DELIVERY.NOT_FAILED': 'conflict',
  'INBOX.STATE_NOT_IN_INBOX': 'invalid',
  'OBJECTION.GROUNDS_REQUIRED': 'invalid',
  'OBJECTION.TERM_PASSED': 'conflict',
  'OFFERING.ALREADY_CLOSED': 'conflict',
  'OFFERING.CAPACITY_BELOW_TAKEN': 'conflict',
  'OFFERING.CLOSED': 'conflict',
  'OFFERING.CODE_TAKEN': 'conflict',
  'OFFERING.DEADLINE_IN_PAST': 'invalid',
  'OFFERING.DEADLINE_PASSED': 'conflict',
  'OFFERING.FULL': 'conflict',
  'OFFERING.INVALID_PERIOD': 'invalid',
  'OFFERING.KEPT_BY_OWN_SYSTEM': 'conflict',
  'OFFERING.NOTHING_TO_CHANGE': 'invalid',
  'OFFERING.NOT_CLOSED': 'conflict',
  'OFFERING.NO_EXTERNAL_ID': 'conflict',
  'OFFERING.NO_WAITING_LIST': 'conflict',
  'OFFERING.UNKNOWN_PROGRAMME': 'invalid',
  'OFFERING.STALE_VERSION': 'conflict',
  'PAGE.OUT_OF_RANGE': 'invalid',
  'PERSON.AMBIGUOUS': 'invalid',
  'PERSON.NO_ROLE': 'forbidden',
  'PERSON.UNKNOWN_TO_HOME_INSTITUTION': 'forbidden',
  'PROGRAMME.NO_EXAM_BOARD': 'not-found',
  'RECOGNITION.FAILED_RESULT': 'invalid',
  'REQUEST.CANNOT_WITHDRAW': 'conflict',
  'REQUEST.DUPLICATE_OFFERING': 'invalid',
  'REQUEST.NOTHING_TO_SUBMIT': 'conflict',
  'REQUEST.OFFERING_ALREADY_REQUESTED': 'conflict',
  'RESULT.INVALID_GRADE': 'invalid',
  'RESULT.UNKNOWN_STUDY_LOAD': 'invalid',
  'RESULT.PASS_MISMATCH': 'invalid',
  'RESULT.NO_GRADE': 'invalid',
  'RESULT.INVALID_SCALE': 'invalid',
  'RESULT.INVALID_CREDITS': 'invalid',
  'STUDENT.UNKNOWN': 'conflict',
  'STUDENT_REGISTER.UNKNOWN_PROGRAMME': 'invalid',
  'STUDENT_REGISTER.NUMBER_TAKEN': 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type ErrorCode = keyof typeof RAISED | NotFoundCode;

export const ERROR_CODES: Readonly<Record<ErrorCode, DomainErrorKind>> = {
  ...RAISED,
  ...(Object.fromEntries(
    NOT_FOUND_SUBJECTS.map((subject) => [`${subject.toUpperCase()}.NOT_FOUND`, 'not-found']),
  ) as Record<NotFoundCode, 'not-found'>),
};
