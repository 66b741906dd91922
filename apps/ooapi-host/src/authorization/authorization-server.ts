import type { IncomingMessage, ServerResponse } from 'http';
import { randomBytes, randomUUID } from 'crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JWK, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type Provider from 'oidc-provider';
import { DataSource } from 'typeorm';
import { hostRealm, loadOidcProvider } from '@lr/auth';
import {
  HOST_CONFIG,
  HostConfig,
  LEERROUTES_CLIENT_ID,
  SYSTEM_CLIENT_ID,
} from '../config/host-config';
import { SigningKeyEntity } from '../database/entities';

const ALGORITHM = 'ES256' as const;

/** Who called, when its access token is valid; or why it is not (said to the caller, as RFC 6750 allows). */
export type CallerVerdict = { clientId: string } | { refused: string };

/**
 * The institution's OAuth 2.0 authorization server at <publicUrl>/oauth (oidc-provider): client credentials
 * only (RFC 6749, section 4.4), with discovery and JWKS, issuing JWT access tokens (RFC 9068) for exactly one
 * resource per client (resource indicators, RFC 8707):
 * - `leerroutes` (Leerroutes' connector) gets tokens for this system's OOAPI, which it checks below;
 * - `uni-eem-system` (this system itself) gets tokens for Leerroutes' OOAPI, audience 'leerroutes', with which
 *   the callbacks are sent; Leerroutes checks them against this issuer's discovery and keys.
 */
@Injectable()
export class AuthorizationServer implements OnModuleInit {
  private handler?: ReturnType<Provider['callback']>;
  private publicKeys?: ReturnType<typeof createLocalJWKSet>;

  constructor(
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const privateJwk = await this.signingKey();
    const { d: _private, ...publicJwk } = privateJwk;
    this.publicKeys = createLocalJWKSet({ keys: [publicJwk] });
    const {
      provider: { default: ProviderClass, errors },
      createMemoryAdapter,
    } = loadOidcProvider();
    const resources: Record<string, { resource: string; audience: string }> = {
      [LEERROUTES_CLIENT_ID]: {
        resource: this.config.ooapiAudience,
        audience: this.config.ooapiAudience,
      },
      [SYSTEM_CLIENT_ID]: {
        resource: this.config.leerroutesUrl,
        audience: this.config.leerroutesAudience,
      },
    };
    const machineClient = (clientId: string, secret: string) => ({
      client_id: clientId,
      client_secret: secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic' as const,
      // The only key is an EC key; oidc-provider checks every client's metadata against the keys it has.
      id_token_signed_response_alg: ALGORITHM,
    });
    const provider: Provider = new ProviderClass(
      this.config.issuer,
      hostRealm({
        clients: [
          machineClient(LEERROUTES_CLIENT_ID, this.config.leerroutesSecret),
          machineClient(SYSTEM_CLIENT_ID, this.config.systemSecret),
        ],
        jwks: { keys: [privateJwk] },
        // Client credentials tokens are JWTs, which nothing needs to look up: memory holds what little else there is.
        adapter: createMemoryAdapter(),
        features: {
          devInteractions: { enabled: false },
          clientCredentials: { enabled: true },
          resourceIndicators: {
            enabled: true,
            // A client that names no resource gets a token for the one resource it is for.
            defaultResource: (_ctx, client) => resources[client.clientId]?.resource,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx, resource, client) => {
              const own = resources[client.clientId];
              if (!own || own.resource !== resource) throw new errors.InvalidTarget();
              return hostRealm({
                audience: own.audience,
                scope: 'ooapi',
                accessTokenFormat: 'jwt',
                accessTokenTTL: this.config.tokenTtlSeconds,
                jwt: { sign: { alg: ALGORITHM } },
              });
            },
          },
        },
        ttl: { ClientCredentials: this.config.tokenTtlSeconds },
        // Machine clients only: no browser page has any business calling these endpoints.
        clientBasedCORS: () => false,
        cookies: { keys: [randomBytes(32).toString('hex')] },
      }),
    );
    this.handler = provider.callback();
  }

  /** Serves everything under /oauth (Express strips the mount path; oidc-provider reads it from originalUrl). */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (!this.handler) {
      res.writeHead(503).end();
      return;
    }
    void this.handler(req, res);
  }

  /** Checks a bearer token on the OOAPI: signed here, for this OOAPI, unexpired, of client `leerroutes`. */
  async verifyCaller(token: string): Promise<CallerVerdict> {
    if (!this.publicKeys) return { refused: 'the authorization server is not ready' };
    try {
      const { payload } = await jwtVerify(token, this.publicKeys, {
        issuer: this.config.issuer,
        audience: this.config.ooapiAudience,
        algorithms: [ALGORITHM],
        typ: 'at+jwt',
        requiredClaims: ['exp', 'client_id'],
      });
      if (payload.client_id !== LEERROUTES_CLIENT_ID) {
        return { refused: 'the token was not issued to a client that may call this OOAPI' };
      }
      return { clientId: payload.client_id };
    } catch (error) {
      return { refused: (error as Error).message };
    }
  }

  /** The key this server signs with: the one it made on its first start, kept in its database. */
  private async signingKey(): Promise<JWK> {
    const keys = this.dataSource.getRepository(SigningKeyEntity);
    const [stored] = await keys.find({ order: { createdAt: 'ASC' }, take: 1 });
    if (stored) return stored.privateJwk;
    const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const jwk: JWK = {
      ...(await exportJWK(privateKey)),
      kid: randomUUID(),
      alg: ALGORITHM,
      use: 'sig',
    };
    await keys.save({ kid: jwk.kid, privateJwk: jwk });
    // Two processes starting at once on an empty database both use the key stored first.
    const [first] = await keys.find({ order: { createdAt: 'ASC' }, take: 1 });
    return first.privateJwk;
  }
}
