import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  Logger,
  ServiceUnavailableException,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { TokenVerifier, Verdict, actorOf } from '@lr/auth';
import type { Actor } from '@lr/domain';
import { HomeSystemUnavailableError, PeopleProvisioning } from '@lr/workflow';
import { acceptedBearer } from './bearer-verdict';
import { MACHINE } from './machine-auth.guard';

const PUBLIC = 'public';
/** Marks a route that needs no bearer token (health, development sign-in). */
export const Public = () => SetMetadata(PUBLIC, true);

type WithActor = Request & { actor?: Actor };

const MISSING: Verdict = { refused: 'no bearer token was sent' };
const verdicts = new WeakMap<Request, Promise<Verdict>>();

/** The bearer token of a request, from the Authorization header. */
export function bearerToken(request: Request): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
}

/**
 * The verdict on the request's bearer token. Verified once per request although both the rate limiter (which
 * keys by actor and runs first) and the guard ask.
 */
export function verdictOf(request: Request, verifier: TokenVerifier): Promise<Verdict> {
  let verdict = verdicts.get(request);
  if (!verdict) {
    const token = bearerToken(request);
    verdict = token ? verifier.verify(token) : Promise.resolve(MISSING);
    verdicts.set(request, verdict);
  }
  return verdict;
}

/** The request's actor, or undefined for no token or a refused one (an unreachable issuer included). */
export async function bearerActor(
  request: Request,
  verifier: TokenVerifier,
): Promise<Actor | undefined> {
  return actorOf(verdictOf(request, verifier));
}

/** Every route needs a valid bearer token unless marked @Public(); the actor is attached to the request. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly logger = new Logger(BearerAuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly people: PeopleProvisioning,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    // A route for institutions' own systems authenticates the machine itself (MachineAuthGuard).
    const forMachines = this.reflector.getAllAndOverride<boolean>(MACHINE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic || forMachines) return true;
    const request = context.switchToHttp().getRequest<WithActor>();
    const verdict = await acceptedBearer(
      context,
      () => verdictOf(request, this.verifier),
      'Sign-in cannot be checked now: the identity provider did not answer. Try again shortly.',
      this.logger,
    );
    if ('noRole' in verdict) throw verdict.noRole;
    let actor: Actor;
    try {
      actor = await this.people.signedIn(verdict);
    } catch (error) {
      if (!(error instanceof HomeSystemUnavailableError)) throw error;
      this.logger.warn(error.message);
      throw new ServiceUnavailableException(
        "Sign-in cannot be completed now: your institution's student information system did not answer. " +
          'Try again shortly.',
      );
    }
    request.actor = { ...actor, clientAddress: request.ip };
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<WithActor>().actor!;
});
