import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';
import { JWK, KeyLike, SignJWT, exportJWK, generateKeyPair } from 'jose';

/** What a test may vary about a token; the defaults give a valid one for the configured audience. */
export interface DevTokenOptions {
  audience: string;
  /** Seconds since the epoch; default now. */
  issuedAt?: number;
  /** Seconds since the epoch; default eight hours after issuedAt. */
  expiresAt?: number;
  /** Seconds since the epoch; absent by default. */
  notBefore?: number;
}

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
}

const ALGORITHM = 'ES256';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;

/** One issuer per port and process, shared by every app in it (tests boot several apps in one process). */
const running = new Map<number, { issuer: Promise<DevIssuer>; users: number }>();

/**
 * A local OpenID Connect issuer for development and tests. It serves discovery documents and real JWKS over HTTP
 * on 127.0.0.1, one realm per name under /realms/<name>, each with signing keys of its own, so the API
 * validates its tokens exactly as it validates an institution's: same discovery, same key fetching, same
 * checks. It signs whatever it is asked to, which is why configuration refuses it in production.
 */
export class DevIssuer {
  private readonly keys = new Map<string, SigningKey[]>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** The shared issuer on this port, started on first use; port 0 takes any free port. */
  static async acquire(port: number): Promise<DevIssuer> {
    let entry = running.get(port);
    if (!entry) {
      entry = { issuer: DevIssuer.listen(port), users: 0 };
      running.set(port, entry);
      entry.issuer.catch(() => running.delete(port));
    }
    entry.users += 1;
    return entry.issuer;
  }

  /** Stops the issuer once the last app that acquired it lets go. */
  static async release(issuer: DevIssuer, port: number): Promise<void> {
    const entry = running.get(port);
    if (!entry || (await entry.issuer) !== issuer) return;
    entry.users -= 1;
    if (entry.users > 0) return;
    running.delete(port);
    await new Promise<void>((resolve) => issuer.server.close(() => resolve()));
  }

  private static listen(port: number): Promise<DevIssuer> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', (error) =>
        reject(new Error(`The development issuer cannot listen on port ${port}: ${error.message}`)),
      );
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as AddressInfo;
        const issuer = new DevIssuer(server, `http://127.0.0.1:${bound}`);
        server.on('request', (req, res) => void issuer.handle(req, res));
        // Never what keeps a process alive.
        server.unref();
        resolve(issuer);
      });
    });
  }

  /** The issuer identifier of a realm: what its tokens carry as iss. */
  issuerOf(realm: string): string {
    return `${this.url}/realms/${encodeURIComponent(realm)}`;
  }

  /** A token signed with the realm's newest key. */
  async sign(
    realm: string,
    claims: Record<string, unknown>,
    options: DevTokenOptions,
  ): Promise<string> {
    const [key] = await this.keysOf(realm);
    const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuerOf(realm))
      .setAudience(options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(options.expiresAt ?? issuedAt + DEFAULT_LIFETIME_SECONDS)
      .setJti(randomUUID());
    if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
    return jwt.sign(key.privateKey);
  }

  /**
   * Key rotation: a new key signs from now on and is published first; the old ones stay published so that
   * tokens already handed out remain valid until they expire.
   */
  async rotate(realm: string): Promise<void> {
    const keys = await this.keysOf(realm);
    keys.unshift(await newKey());
  }

  private async keysOf(realm: string): Promise<SigningKey[]> {
    let keys = this.keys.get(realm);
    if (!keys) {
      keys = [await newKey()];
      // Another call may have made the realm's key while this one awaited.
      keys = this.keys.get(realm) ?? keys;
      this.keys.set(realm, keys);
    }
    return keys;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/realms\/([^/]+)\/(\.well-known\/openid-configuration|jwks)$/.exec(
      new URL(req.url ?? '/', this.url).pathname,
    );
    if (req.method !== 'GET' || !match) {
      res.writeHead(404).end();
      return;
    }
    const realm = decodeURIComponent(match[1]);
    const issuer = this.issuerOf(realm);
    const body =
      match[2] === 'jwks'
        ? { keys: (await this.keysOf(realm)).map((k) => k.publicJwk) }
        : {
            issuer,
            jwks_uri: `${issuer}/jwks`,
            id_token_signing_alg_values_supported: [ALGORITHM],
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
          };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM);
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' },
  };
}
