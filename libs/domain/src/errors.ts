/**
 * Domain errors carry a stable code. The API maps the kind to an HTTP status in one filter; the worker maps
 * them to BullMQ's UnrecoverableError. No HTTP exceptions below the controllers: the same use case runs in jobs.
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'invalid',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super(`${what.toUpperCase()}.NOT_FOUND`, `No ${what} with id ${id}.`, 'not-found');
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('ACCESS.FORBIDDEN', message, 'forbidden');
  }
}

/** A valid token of a known institution that grants no role in Leerroutes: not a sign-in failure, a refusal. */
export class NoRoleError extends DomainError {
  constructor(organisation: string, grant: string) {
    super(
      'PERSON.NO_ROLE',
      `Your institution (${organisation}) signed you in, but its sign-in gives you no role in Leerroutes: ` +
        `one role is needed, granted as ${grant}. Ask your institution's service desk for it.`,
      'forbidden',
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
      'forbidden',
    );
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'conflict', details);
  }
}

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
