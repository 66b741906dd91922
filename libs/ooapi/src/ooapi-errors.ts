import type { HttpMethod, Violations } from './ooapi-validator';

/**
 * The institution's system answered something OOAPI v5 does not allow (a state the standard lacks, a body that
 * is no JSON, a field missing). Nothing is taken from such an answer; the call may be tried again, as a system
 * mid-deployment may answer properly a little later.
 */
export class OoapiProtocolError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly violations: Violations,
  ) {
    super(
      `${operation} answered ${status} with what OOAPI v5 does not allow: ${violations.join('; ')}`,
    );
    this.name = 'OoapiProtocolError';
  }
}

/** The system could not be reached, timed out, or said it is unavailable (5xx, 429): try again later. */
export class OoapiUnavailableError extends Error {
  constructor(operation: string, reason: string) {
    super(`${operation}: ${reason}`);
    this.name = 'OoapiUnavailableError';
  }
}

/** The system answered, as the standard allows, with another status than the one asked for (400, 401, 404). */
export class OoapiRefusedError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${operation} was refused with ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'OoapiRefusedError';
  }
}

/**
 * What Leerroutes was about to send breaks the standard (a student without an e-mail address, say): it is not
 * sent, and sending it again would not help.
 */
export class OoapiRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly violations: Violations,
  ) {
    super(`${operation} was not sent: OOAPI v5 does not allow ${violations.join('; ')}`);
    this.name = 'OoapiRequestError';
  }
}

export function operationName(method: HttpMethod, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
