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
