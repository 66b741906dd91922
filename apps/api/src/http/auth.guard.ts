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
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const actor = scheme === 'Bearer' && token ? this.tokens.verify(token) : undefined;
    if (!actor) throw new UnauthorizedException('A valid bearer token is required.');
    request.actor = actor;
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<WithActor>().actor!;
});
