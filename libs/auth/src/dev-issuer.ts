import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { randomUUID } from 'crypto';
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { DevRealm, DevRealmSettings, DevSignInDirectory } from './dev-realm';

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
  privateKey: CryptoKey;
  /** The private key as oidc-provider takes it. */
  privateJwk: JWK;
}

const ALGORITHM = 'ES256';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;

/** One issuer per port and process, shared by every app in it (tests boot several apps in one process). */
const running = new Map<number, { issuer: Promise<DevIssuer>; users: number }>();

/**
 * A local OpenID Connect provider for development and tests, on 127.0.0.1, one realm per institution under
 * /realms/<name>, each with signing keys of its own. Each realm is an authorization server (oidc-provider):
 * discovery, JWKS, authorization with a sign-in page, token endpoint with PKCE, end-session. The API validates
 * its tokens exactly as it validates an institution's. It also signs whatever it is asked to (POST /dev/tokens,
 * tests, benchmarks) with the same keys, which is why configuration refuses it in production.
 */
export class DevIssuer {
  private readonly keys = new Map<string, SigningKey[]>();
  private readonly realms = new Map<string, Promise<DevRealm>>();
  /** The apps that use this issuer, newest last: the newest tells who may sign in. */
  private readonly directories: DevSignInDirectory[] = [];
  private settings: DevRealmSettings = {
    clientIdOf: () => 'leerroutes',
    tokenTtlSeconds: DEFAULT_LIFETIME_SECONDS,
  };

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /**
   * The shared issuer on this port, started on first use; port 0 takes any free port. An app that passes a
   * directory lets people sign in at the realms' pages; the first app's settings hold for the issuer's life.
   */
  static async acquire(
    port: number,
    directory?: DevSignInDirectory,
    settings?: DevRealmSettings,
  ): Promise<DevIssuer> {
    let entry = running.get(port);
    if (!entry) {
      entry = { issuer: DevIssuer.listen(port, settings), users: 0 };
      running.set(port, entry);
      entry.issuer.catch(() => running.delete(port));
    }
    entry.users += 1;
    const issuer = await entry.issuer;
    if (directory) issuer.directories.push(directory);
    return issuer;
  }

  /** Stops the issuer once the last app that acquired it lets go. */
  static async release(
    issuer: DevIssuer,
    port: number,
    directory?: DevSignInDirectory,
  ): Promise<void> {
    const entry = running.get(port);
    if (!entry || (await entry.issuer) !== issuer) return;
    if (directory) issuer.directories.splice(issuer.directories.indexOf(directory), 1);
    entry.users -= 1;
    if (entry.users > 0) return;
    running.delete(port);
    await new Promise<void>((resolve) => {
      issuer.server.close(() => resolve());
      issuer.server.closeAllConnections();
    });
  }

  private static listen(port: number, settings?: DevRealmSettings): Promise<DevIssuer> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', (error) =>
        reject(new Error(`The development issuer cannot listen on port ${port}: ${error.message}`)),
      );
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as AddressInfo;
        const issuer = new DevIssuer(server, `http://127.0.0.1:${bound}`);
        if (settings) issuer.settings = settings;
        server.on('request', (req, res) => {
          issuer.handle(req, res).catch((error: Error) => {
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(`The development issuer failed: ${error.message}`);
          });
        });
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
   * tokens already handed out remain valid until they expire. The realm's authorization server starts again
   * with the new key list (its sessions are lost: acceptable for development).
   */
  async rotate(realm: string): Promise<void> {
    const keys = await this.keysOf(realm);
    keys.unshift(await newKey());
    this.realms.delete(realm);
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

  private realm(name: string): Promise<DevRealm> {
    let realm = this.realms.get(name);
    if (!realm) {
      realm = this.keysOf(name).then(
        (keys) =>
          new DevRealm(
            name,
            this.issuerOf(name),
            keys.map((k) => k.privateJwk),
            this.settings,
            () => {
              const directory = this.directories.at(-1);
              return directory?.has(name) ? directory : undefined;
            },
          ),
      );
      this.realms.set(name, realm);
    }
    return realm;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/realms\/([^/]+)(\/.*)?$/.exec(new URL(req.url ?? '/', this.url).pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    await (await this.realm(decodeURIComponent(match[1]))).handle(req, res, match[2] ?? '/');
  }
}

async function newKey(): Promise<SigningKey> {
  // Extractable: oidc-provider takes the private key as a JWK.
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' },
  };
}
