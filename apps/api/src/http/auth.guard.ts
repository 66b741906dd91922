import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { TokenService } from '@lr/auth';
import type { Actor } from '@lr/domain';

const PUBLIC = 'public';
/** Marks a route that needs no bearer token (health, development sign-in). */
export const Public = () => SetMetadata(PUBLIC, true);

type WithActor = Request & { actor?: Actor };

const verified = new WeakMap<Request, Actor | undefined>();

/**
 * The actor of the request's bearer token, or undefined. Verified once per request although both the rate
 * limiter (which keys by actor and runs first) and the guard ask.
 */
export function bearerActor(request: Request, tokens: TokenService): Actor | undefined {
  if (!verified.has(request)) {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    verified.set(request, scheme === 'Bearer' && token ? tokens.verify(token) : undefined);
  }
  return verified.get(request);
}

/** Every route needs a valid bearer token unless marked @Public(); the actor is attached to the request. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<WithActor>();
    const actor = bearerActor(request, this.tokens);
    if (!actor) throw new UnauthorizedException('A valid bearer token is required.');
    request.actor = { ...actor, clientAddress: request.ip };
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<WithActor>().actor!;
});
