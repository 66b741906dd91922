import { STATUS_CODES } from 'http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HostError, statusOf } from './host.errors';
import { sendProblem } from './ooapi/ooapi-gate.middleware';
import { errorPage } from './staff/staff-pages';

/**
 * The one place errors become HTTP: OOAPI Problems under /ooapi, an HTML page under /staff, and a 500 that says
 * nothing of its cause (which goes to the log).
 */
@Catch()
export class HostExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HostExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let detail = 'Something went wrong at the institution; try again later.';
    if (exception instanceof HostError) {
      status = statusOf(exception);
      detail = exception.message;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      detail = exception.message;
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
    }
    if (req.path.startsWith('/staff')) {
      res
        .status(status)
        .type('html')
        .send(errorPage(`${status} ${STATUS_CODES[status] ?? 'Error'}`, detail));
    } else {
      sendProblem(res, status, detail);
    }
  }
}
