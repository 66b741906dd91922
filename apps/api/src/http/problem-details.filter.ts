import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrorKind } from '@lr/domain';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Thrown by the validation pipe: carries every field that failed. */
export class ValidationFailedException extends HttpException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request has invalid fields.', HttpStatus.BAD_REQUEST);
  }
}

/**
 * An error that Express's body parser raises before any route runs (too large, unreadable, unsupported
 * charset, a compressed body that does not inflate): it carries a 4xx status and is marked safe to show
 * (`expose`, from the http-errors package). Not every one has a `type`: an inflate error has none.
 */
interface ClientHttpError extends Error {
  status: number;
  expose: true;
  limit?: number;
}

function isClientHttpError(exception: unknown): exception is ClientHttpError {
  if (!(exception instanceof Error)) return false;
  const { status, expose } = exception as Partial<ClientHttpError>;
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

type Problem = { status: number; title: string; code: string; detail: string } & Record<
  string,
  unknown
>;

export const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
};

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable code. Unexpected errors are logged
 * and answered without internals: no stack trace, SQL or ids of others in the body.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    response
      .status(problem.status)
      .type('application/problem+json')
      .json(this.render(problem, request));
  }

  protected render(problem: Problem, request: Request): Record<string, unknown> {
    const rendered = {
      ...problem,
      type: `urn:leerroutes:problem:${problem.code}`,
      instance: request.originalUrl,
    };
    // The OOAPI endpoints answer OOAPI v5's Problem: the same fields, the status as a string (the standard's
    // choice, where RFC 9457 has a number). Decided by the path, since a body the parser refuses never reaches
    // their controllers.
    return isOoapiPath(request.path) ? { ...rendered, status: String(problem.status) } : rendered;
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ValidationFailedException) {
      return {
        status: 400,
        title: 'Invalid request',
        code: 'REQUEST.VALIDATION_FAILED',
        detail: exception.fieldErrors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '),
        errors: exception.fieldErrors,
      };
    }
    if (exception instanceof DomainError) {
      const status = STATUS_OF[exception.kind];
      const field = exception.details?.field;
      return {
        status,
        title: HttpStatus[status].replace(/_/g, ' ').toLowerCase(),
        code: exception.code,
        detail: exception.message,
        ...(typeof field === 'string'
          ? { errors: [{ field, messages: [exception.message] }] }
          : {}),
        ...(exception.kind === 'conflict' && exception.details
          ? { context: exception.details }
          : {}),
      };
    }
    if (isClientHttpError(exception)) {
      const { status } = exception;
      return {
        status,
        title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
        code: `HTTP.${status}`,
        detail:
          status === 413 && typeof exception.limit === 'number'
            ? `The request body is larger than the limit of ${exception.limit} bytes.`
            : exception.message,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        status,
        title: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error',
        code: `HTTP.${status}`,
        detail: exception.message,
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      status: 500,
      title: 'internal server error',
      code: 'INTERNAL',
      detail: 'Something went wrong on our side.',
    };
  }
}

const OOAPI_PREFIX = '/ooapi/v5';

function isOoapiPath(path: string): boolean {
  return path === OOAPI_PREFIX || path.startsWith(`${OOAPI_PREFIX}/`);
}
