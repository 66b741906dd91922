import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  Logger,
  SetMetadata,
  applyDecorators,
  UseGuards,
} from '@nestjs/common';
import type { Request } from 'express';
import { MachineTokenVerifier, MachineVerdict } from '@lr/auth';
import { bearerToken } from './auth.guard';
import { acceptedBearer } from './bearer-verdict';

/** Where Leerroutes serves OOAPI v5 as a provider, to institutions' own systems. */
export const OOAPI_ROUTE = '/ooapi/v5';

export const MACHINE = 'machine-client';

/** The institution whose own system made the request. */
export interface Machine {
  institutionCode: string;
}

type WithMachine = Request & { machine?: Machine };

const verdicts = new WeakMap<Request, Promise<MachineVerdict>>();

/** The verdict on a machine's bearer token, verified once per request (the rate limiter asks first). */
export function machineVerdictOf(
  request: Request,
  verifier: MachineTokenVerifier,
): Promise<MachineVerdict> {
  let verdict = verdicts.get(request);
  if (!verdict) {
    const token = bearerToken(request);
    verdict = token
      ? verifier.verify(token)
      : Promise.resolve({ refused: 'no bearer token was sent' });
    verdicts.set(request, verdict);
  }
  return verdict;
}

/** The machine of a request, or undefined for no token, a refused one or an issuer that could not be asked. */
export async function bearerMachine(
  request: Request,
  verifier: MachineTokenVerifier,
): Promise<Machine | undefined> {
  const verdict = await machineVerdictOf(request, verifier).catch(() => undefined);
  return verdict && 'institutionCode' in verdict ? verdict : undefined;
}

/**
 * Authenticates an institution's own system (a machine client) with its access token, and puts it on the
 * request. A person's token is no machine's: refused with 401 like any other.
 */
@Injectable()
export class MachineAuthGuard implements CanActivate {
  private readonly logger = new Logger(MachineAuthGuard.name);

  constructor(private readonly verifier: MachineTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithMachine>();
    const verdict = await acceptedBearer(
      context,
      () => machineVerdictOf(request, this.verifier),
      'The access token cannot be checked now: its issuer did not answer. Try again shortly.',
      this.logger,
    );
    request.machine = verdict;
    return true;
  }
}

/**
 * Marks a controller whose callers are institutions' own systems, not people: the people's sign-in and the
 * authorization matrix (roles of persons) stand aside, and MachineAuthGuard decides.
 */
export const MachineClient = () =>
  applyDecorators(SetMetadata(MACHINE, true), UseGuards(MachineAuthGuard));

export const CurrentMachine = createParamDecorator(
  (_: unknown, context: ExecutionContext): Machine =>
    context.switchToHttp().getRequest<WithMachine>().machine!,
);
