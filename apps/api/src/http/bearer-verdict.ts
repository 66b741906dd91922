import {
  ExecutionContext,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { IssuerUnreachableError } from '@lr/auth';

/**
 * What people's and machines' guards do alike with a bearer token's verdict: an issuer that could not be asked
 * is a 503 (not the token's fault), a refused token a 401 with the RFC 6750 (section 3) challenge that says why.
 * Answers the verdict when the token was accepted.
 */
export async function acceptedBearer<V extends object>(
  context: ExecutionContext,
  verdict: () => Promise<V | { refused: string }>,
  unavailable: string,
  logger: Logger,
): Promise<Exclude<V, { refused: string }>> {
  let reached: V | { refused: string };
  try {
    reached = await verdict();
  } catch (error) {
    if (!(error instanceof IssuerUnreachableError)) throw error;
    logger.warn(error.message);
    throw new ServiceUnavailableException(unavailable);
  }
  if ('refused' in reached) {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader(
        'WWW-Authenticate',
        `Bearer error="invalid_token", error_description="${reached.refused}"`,
      );
    throw new UnauthorizedException(`The bearer token was refused: ${reached.refused}.`);
  }
  return reached as Exclude<V, { refused: string }>;
}
