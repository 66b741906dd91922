import { Inject, Injectable } from '@nestjs/common';
import { HOST_CONFIG, HostConfig, SYSTEM_CLIENT_ID } from '../config/host-config';

/** Renew a token this long before it expires, so that none expires on its way. */
const MARGIN_MS = 60_000;

/**
 * This system's own access token for calling Leerroutes: asked of its own authorization server with client
 * credentials over HTTP, as any client would, and reused until shortly before it expires.
 */
@Injectable()
export class SystemTokenClient {
  private cached?: { token: string; renewAt: number };

  constructor(@Inject(HOST_CONFIG) private readonly config: HostConfig) {}

  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return this.cached.token;
    // client_secret_basic: id and secret form-encoded, then base64 (RFC 6749, section 2.3.1).
    const basic = Buffer.from(
      `${encodeURIComponent(SYSTEM_CLIENT_ID)}:${encodeURIComponent(this.config.systemSecret)}`,
    ).toString('base64');
    const response = await fetch(`${this.config.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
      signal: AbortSignal.timeout(this.config.callbackTimeoutMs),
    });
    if (!response.ok) {
      throw new Error(`the token endpoint answered ${response.status}: ${await response.text()}`);
    }
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.cached = {
      token: body.access_token,
      renewAt: Date.now() + Math.max(0, body.expires_in * 1000 - MARGIN_MS),
    };
    return body.access_token;
  }

  /** After Leerroutes refused the token: the next call asks for a new one. */
  forget(): void {
    this.cached = undefined;
  }
}
