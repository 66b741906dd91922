import {
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { ActionName, Actor, ForbiddenError, authorizeRole, isPublicAction } from '@lr/domain';
import { MACHINE } from './machine-auth.guard';

const ACTION = 'authorization:action';

/** The route's action in the authorization matrix, or its actions by the value of one path parameter. */
type RouteAction = { action: ActionName } | { param: string; actions: Record<string, ActionName> };

/**
 * Names the route's action in the authorization matrix (libs/domain/src/authorization.ts). Every route needs
 * one: the guard refuses a route without it. The OpenAPI document shows it as `x-actions`.
 */
export const Action = (action: ActionName) =>
  applyDecorators(
    SetMetadata(ACTION, { action } satisfies RouteAction),
    ApiExtension('x-actions', [action]),
  );

/** For one route that serves several actions, chosen by a path parameter (`/inbox/:kind`). */
export const ActionByParam = (param: string, actions: Record<string, ActionName>) =>
  applyDecorators(
    SetMetadata(ACTION, { param, actions } satisfies RouteAction),
    ApiExtension('x-actions', Object.values(actions)),
  );

/**
 * Refuses (403, problem+json) a role that may take the route's action in no scope at all, before any pipe or
 * handler runs. Whether the actor may act on the object itself (404 or 403) is for the use case, which knows
 * the object. Runs after BearerAuthGuard, which has put the actor on the request.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    // The matrix is of people's roles; an institution's own system is authorized by MachineAuthGuard and
    // its use case (its own associations only).
    if (this.reflector.get<boolean>(MACHINE, context.getClass())) return true;
    const route = this.reflector.get<RouteAction | undefined>(ACTION, context.getHandler());
    // Closed by default: a route that forgot to declare its action serves no one.
    if (!route)
      throw new ForbiddenError('This route declares no action in the authorization matrix.');
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const action =
      'action' in route ? route.action : ownValue(route.actions, request.params[route.param]);
    // An unknown value of the parameter names no action; the route's own validation refuses it (400).
    if (action === undefined || isPublicAction(action)) return true;
    if (!request.actor) throw new ForbiddenError(`'${action}' needs a signed-in actor.`);
    authorizeRole(request.actor, action);
    return true;
  }
}

/** Never a property the object inherits: `/inbox/constructor` names no action. */
function ownValue<T>(record: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
}
