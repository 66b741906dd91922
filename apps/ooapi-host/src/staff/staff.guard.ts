import { timingSafeEqual } from 'crypto';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { HOST_CONFIG, HostConfig } from '../config/host-config';

/**
 * The staff screen admits and grades. With OOAPI_HOST_STAFF_PASSWORD it asks for HTTP Basic (user `staff`);
 * without one it is open, which configuration allows on loopback only. A form posted from another site's page
 * (its Origin is not this host) is refused either way.
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(@Inject(HOST_CONFIG) private readonly config: HostConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const password = this.config.staffPassword;
    if (password && !matches(req.headers.authorization, `staff:${password}`)) {
      res.set('www-authenticate', 'Basic realm="staff", charset="UTF-8"');
      throw new UnauthorizedException('Sign in as staff.');
    }
    const origin = req.headers.origin;
    if (req.method === 'POST' && origin && URL.parse(origin)?.host !== req.headers.host) {
      throw new ForbiddenException('A form from another site may not change admissions.');
    }
    return true;
  }
}

function matches(header: string | undefined, expected: string): boolean {
  const given = Buffer.from(
    Buffer.from(/^Basic\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '', 'base64').toString('utf8'),
  );
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
