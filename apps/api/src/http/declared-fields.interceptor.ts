import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Observable, map } from 'rxjs';
import { FieldPlan, keepDeclared, responsePlanOf } from './declared-fields';

/**
 * Privacy by construction: every answer carries only the fields its declared response DTO names, however much
 * the use case returned (an entity, a spread object). TypeScript cannot hold that line, since an object with
 * extra fields is still of the declared type. The plans are made once, at start, for every route; a route
 * without a declared response type stops the start instead of sending what its handler returns.
 */
@Injectable()
export class DeclaredFieldsInterceptor implements NestInterceptor, OnApplicationBootstrap {
  private readonly plans = new Map<object, FieldPlan | 'raw'>();
  /** The @RawResponse() routes, as `Controller.method`: answered as their handler returns. */
  readonly rawRoutes: string[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    const problems: string[] = [];
    for (const { metatype } of this.discovery.getControllers()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, object>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (!Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const route = `${metatype.name}.${method}`;
        try {
          const plan = responsePlanOf(handler, route);
          this.plans.set(handler, plan);
          if (plan === 'raw') this.rawRoutes.push(route);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const plan = this.plans.get(context.getHandler());
    // Unreachable after a successful start; should it happen, an error beats an unchecked body.
    if (plan === undefined) {
      throw new Error(
        `No response plan for ${context.getClass().name}.${context.getHandler().name}`,
      );
    }
    if (plan === 'raw') return next.handle();
    return next.handle().pipe(map((body: unknown) => keepDeclared(body, plan)));
  }
}
