/**
 * Why a caller, the admissions office or the registrar cannot have what it asked; thrown below the controllers,
 * mapped to HTTP in one filter (and printed by the CLI).
 */
export type HostErrorCode =
  'NOT_FOUND' | 'OFFERING.UNKNOWN' | 'ASSOCIATION.ILLEGAL_TRANSITION' | 'OFFERING.FULL' | 'INVALID';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP status an error means. */
export function statusOf(error: HostError): number {
  switch (error.code) {
    case 'NOT_FOUND':
      return 404;
    case 'OFFERING.UNKNOWN':
    case 'INVALID':
      return 400;
    case 'ASSOCIATION.ILLEGAL_TRANSITION':
    case 'OFFERING.FULL':
      return 409;
  }
}
