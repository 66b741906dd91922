import { ERROR_CODES, ErrorCode, NotFoundSubject } from './error-codes';

/**
 * Domain errors carry a stable code from the catalogue (error-codes.ts), which decides their kind. The API maps
 * the kind to an HTTP status in one filter; the worker maps them to BullMQ's UnrecoverableError. No HTTP
 * exceptions below the controllers: the same use case runs in jobs.
 */
export class DomainError extends Error {
  readonly kind;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = ERROR_CODES[code];
  }
}

export class NotFoundError extends DomainError {
  constructor(what: NotFoundSubject, id: string) {
    super(`${what.toUpperCase() as Uppercase<NotFoundSubject>}.NOT_FOUND`, `No ${what} with id ${id}.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('ACCESS.FORBIDDEN', message);
  }
}

/** A valid token of a known institution that grants no role in Leerroutes: not a sign-in failure, a refusal. */
export class NoRoleError extends DomainError {
  constructor(organisation: string, grant: string) {
    super(
      'PERSON.NO_ROLE',
      `Your institution (${organisation}) signed you in, but its sign-in gives you no role in Leerroutes: ` +
        `one role is needed, granted as ${grant}. Ask your institution's service desk for it.`,
    );
  }
}

/** A student whose home institution's own records do not hold them: they cannot ask for anything here. */
export class UnknownToHomeInstitutionError extends DomainError {
  constructor(institutionName: string) {
    super(
      'PERSON.UNKNOWN_TO_HOME_INSTITUTION',
      `${institutionName} signed you in as a student, but its student information system does not know you ` +
        'as one: ask its student administration to check your enrolment.',
    );
  }
}

/** A DomainError whose code is a conflict (409): the state the request met does not allow it. */
export class ConflictError extends DomainError {}

export class IllegalTransitionError extends ConflictError {
  constructor(state: string, event: string) {
    super('COMPONENT.ILLEGAL_TRANSITION', `A component in state '${state}' cannot '${event}'.`, {
      state,
      event,
    });
  }
}

export class StaleVersionError extends ConflictError {
  constructor(expected: number, actual: number, state: string) {
    super(
      'COMPONENT.STALE_VERSION',
      `The component changed meanwhile (expected version ${expected}, now ${actual}).`,
      { expectedVersion: expected, version: actual, state },
    );
  }
}
