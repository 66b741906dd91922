import { randomBytes, randomUUID } from 'crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { InstitutionDefinition, OoapiConnection } from '@lr/institutions';
import {
  AssociationState,
  CourseResult,
  HttpMethod,
  OoapiCatalogueEntry,
  OoapiValidator,
} from '@lr/ooapi';
import { IN_APP_INSTITUTIONS } from './test-app';

/** An association as the stand-in system keeps it. */
export interface StubAssociation {
  associationId: string;
  state: AssociationState;
  offeringId: string;
  /** What Leerroutes sent when it asked for the enrolment. */
  request: Record<string, unknown>;
  result?: CourseResult;
}

/** An answer the stand-in gives instead of the proper one (a malformed one, say). */
export interface StubAnswer {
  status: number;
  body: unknown;
  /** Only for a call of this path (below /ooapi/v5); any call of its kind when left out. */
  path?: string;
}

/** How a stand-in system fails some of its calls about associations, as an unreliable one would. */
export interface StubFaults {
  /** The share of calls about associations that fail (0 to 1). */
  rate: number;
  /** A late answer comes this long after the call: past the caller's timeout, it comes too late. */
  lateMs: number;
  /** Where the draws come from: a seeded generator makes a run repeatable. */
  random: () => number;
  /** Only the calls this names draw faults (by default every call about associations). */
  on?: (method: string, path: string) => boolean;
}

/** The ways a call fails: done but answered too late, not done (503), or done and answered malformed. */
export type StubFault = 'late' | 'unavailable' | 'malformed';
const FAULTS: readonly StubFault[] = ['late', 'unavailable', 'malformed'];

/**
 * Stands in for an institution's own system, outside Leerroutes, over real HTTP: an OAuth 2.0 authorization
 * server (client credentials for Leerroutes; discovery and keys for the tokens its own machine client presents
 * when it calls back) and an OOAPI v5 endpoint for associations and, once given one, its catalogue (courses and
 * their offerings, paged). Everything Leerroutes sends it is checked against the standard, and so is every
 * proper answer it gives; a test may make it answer otherwise (`answers` for associations, `catalogueAnswers`
 * for the catalogue), refuse its tokens (`revokeTokens`), or keep silent (`delayMs`).
 */
export class OoapiStub {
  readonly associations = new Map<string, StubAssociation>();
  /** What the standard does not allow in what Leerroutes sent, and in what this stand-in answered. */
  readonly sentViolations: string[] = [];
  readonly answerViolations: string[] = [];
  /** Every OOAPI call, as `METHOD path`. */
  readonly calls: string[] = [];
  /** The state a new association gets. */
  newState: AssociationState = 'pending';
  /** Answers to give, in turn, instead of the proper ones to calls about associations. */
  readonly answers: StubAnswer[] = [];
  /**
   * The system's catalogue, as its OOAPI lists it (GET /courses, GET /courses/{courseId}/offerings). Without
   * one it shares none with Leerroutes and refuses those calls (403), as a system that grants no such scope.
   */
  catalogue?: OoapiCatalogueEntry[];
  /** Answers to give, in turn, instead of the proper ones to calls of the catalogue. */
  readonly catalogueAnswers: StubAnswer[] = [];
  /** The largest page it serves, whatever is asked: a small one makes a short list take several pages. */
  maxPageSize = 250;
  /** Takes this long before answering an OOAPI call: past a client's timeout, it never answers in time. */
  delayMs = 0;
  /** When set, calls about associations fail now and then (counted in `faultsGiven`). */
  faults?: StubFaults;
  readonly faultsGiven: Record<StubFault, number> = { late: 0, unavailable: 0, malformed: 0 };
  tokensIssued = 0;
  tokenLifetimeSeconds = 3600;
  readonly clientId = 'leerroutes';
  readonly clientSecret = randomBytes(12).toString('hex');
  private readonly tokens = new Set<string>();
  private origin = '';

  private constructor(
    private readonly server: Server,
    private readonly keys: { privateKey: CryptoKey; jwk: JWK },
    private readonly v5: OoapiValidator,
    /** The machine clients of the institutions this system speaks for, by institution. */
    readonly machineClients: Record<string, string>,
  ) {}

  static async start(machineClients: Record<string, string>): Promise<OoapiStub> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'stub-1', alg: 'ES256', use: 'sig' };
    const server = createServer();
    const stub = new OoapiStub(
      server,
      { privateKey, jwk },
      await OoapiValidator.v5(),
      machineClients,
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      stub.handle(request, response).catch((error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stub.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return stub;
  }

  get baseUrl(): string {
    return `${this.origin}/ooapi/v5`;
  }

  get issuer(): string {
    return `${this.origin}/oauth`;
  }

  /** The connection an institution's definition names for this system. */
  connection(institutionCode: string): OoapiConnection {
    return {
      baseUrl: this.baseUrl,
      tokenEndpoint: `${this.issuer}/token`,
      clientId: this.clientId,
      callback: { issuer: this.issuer, clientId: this.machineClients[institutionCode] },
    };
  }

  /** A test app's institutions, those this system speaks for connected to it. */
  institutions(): InstitutionDefinition[] {
    return IN_APP_INSTITUTIONS.map((d) =>
      d.code in this.machineClients ? { ...d, ooapi: this.connection(d.code) } : d,
    );
  }

  /** OOAPI_CLIENT_SECRETS for the institutions this system speaks for. */
  get clientSecrets(): string {
    return Object.keys(this.machineClients)
      .map((code) => `${code}=${this.clientSecret}`)
      .join(',');
  }

  /** As if the authorization server had restarted: every token it gave is refused from now on. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** The system changes an association by itself (an admission, a result), without telling Leerroutes. */
  change(associationId: string, change: Partial<Pick<StubAssociation, 'state' | 'result'>>): void {
    Object.assign(this.associations.get(associationId)!, change);
  }

  /** The one association made for an offering. */
  associationFor(offeringId: string): StubAssociation | undefined {
    return [...this.associations.values()].find((a) => a.offeringId === offeringId);
  }

  /** An access token of the system's own machine client, as its authorization server signs them. */
  async machineToken({
    institutionCode = Object.keys(this.machineClients)[0],
    clientId = this.machineClients[institutionCode],
    audience = 'leerroutes',
    issuer = this.issuer,
    expiresIn = 300,
    key = this.keys.privateKey,
  }: {
    institutionCode?: string;
    clientId?: string;
    audience?: string;
    issuer?: string;
    expiresIn?: number;
    key?: CryptoKey;
  } = {}): Promise<string> {
    return new SignJWT({ client_id: clientId, scope: 'associations.write' })
      .setProtectedHeader({ alg: 'ES256', kid: 'stub-1', typ: 'at+jwt' })
      .setIssuer(issuer)
      .setSubject(clientId)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .setJti(randomUUID())
      .sign(key);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const text = await readBody(request);
    const send = (status: number, body: unknown, type = 'application/json') => {
      response.writeHead(status, { 'content-type': type });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (url.pathname.startsWith('/oauth'))
      return this.authorizationServer(url, request, text, send);
    if (!url.pathname.startsWith('/ooapi/v5/'))
      return send(404, { status: '404', title: 'Not found' });

    const method = (request.method ?? 'GET').toLowerCase() as HttpMethod;
    const path = url.pathname.slice('/ooapi/v5'.length);
    this.calls.push(`${method.toUpperCase()} ${path}`);
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.tokens.has(token)) {
      return send(401, { status: '401', title: 'Unauthorized' }, 'application/problem+json');
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    this.sentViolations.push(
      ...this.v5
        .request({
          method,
          path,
          headers: { 'content-type': String(request.headers['content-type']) },
          body,
        })
        .map((v) => `${method.toUpperCase()} ${path}: ${v}`),
    );
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const catalogueCall = path.startsWith('/courses');
    const overrides = catalogueCall ? this.catalogueAnswers : this.answers;
    const at = overrides.findIndex((a) => a.path === undefined || a.path === path);
    if (at >= 0) {
      const [override] = overrides.splice(at, 1);
      return send(override.status, override.body);
    }
    const fault = catalogueCall ? undefined : this.fault(method, path);
    if (fault === 'unavailable') {
      return send(503, { status: '503', title: 'Service Unavailable' }, 'application/problem+json');
    }
    const [status, answer] = catalogueCall
      ? this.catalogueAnswer(path, url.searchParams)
      : this.ooapi(method, path, body);
    // What was asked is done either way; only the answer suffers.
    if (fault === 'malformed') return send(status, { state: 'perhaps' });
    if (fault === 'late') await new Promise((resolve) => setTimeout(resolve, this.faults!.lateMs));
    this.answerViolations.push(
      ...this.v5
        .response({ method, path }, { status, body: answer })
        .map((v) => `answer to ${method.toUpperCase()} ${path}: ${v}`),
    );
    send(status, answer, status >= 400 ? 'application/problem+json' : 'application/json');
  }

  private ooapi(
    method: HttpMethod,
    path: string,
    body: Record<string, unknown> | undefined,
  ): [number, unknown] {
    const message = (value: string) => [{ language: 'en-GB', value }];
    if (method === 'post' && path === '/associations/external/me') {
      const offering = body!.offering as { offeringId: string };
      // As a system should: the same person asking for the same offering while the first is live is a repeat.
      const repeated = this.liveAssociation(offering.offeringId, body!.person);
      if (repeated) {
        return [
          201,
          {
            associationId: repeated.associationId,
            state: repeated.state,
            message: message('Received'),
          },
        ];
      }
      const association: StubAssociation = {
        associationId: randomUUID(),
        state: this.newState,
        offeringId: offering.offeringId,
        request: body!,
      };
      this.associations.set(association.associationId, association);
      const said = association.state === 'denied' ? 'The course is full.' : 'Received';
      return [
        201,
        {
          associationId: association.associationId,
          state: association.state,
          message: message(said),
        },
      ];
    }
    const association = this.associations.get(path.replace('/associations/', ''));
    if (!association) return [404, { status: '404', title: 'Not found' }];
    if (method === 'get') {
      return [
        200,
        {
          associationId: association.associationId,
          associationType: 'courseOfferingAssociation',
          role: 'student',
          state: association.state,
          offering: association.offeringId,
          ...(association.result ? { result: association.result } : {}),
        },
      ];
    }
    if (method === 'patch' && body?.remoteState === 'canceled') association.state = 'canceled';
    return [
      200,
      {
        associationId: association.associationId,
        state: association.state,
        message: message('Updated'),
      },
    ];
  }

  private liveAssociation(offeringId: string, person: unknown): StubAssociation | undefined {
    const personId = (person as { personId?: string } | undefined)?.personId;
    return [...this.associations.values()].find(
      (a) =>
        a.offeringId === offeringId &&
        (a.request.person as { personId?: string }).personId === personId &&
        !['canceled', 'denied'].includes(a.state),
    );
  }

  private fault(method: string, path: string): StubFault | undefined {
    if (!this.faults || this.faults.on?.(method, path) === false) return undefined;
    if (this.faults.random() >= this.faults.rate) return undefined;
    const fault = FAULTS[Math.floor(this.faults.random() * FAULTS.length)];
    this.faultsGiven[fault] += 1;
    return fault;
  }

  /** GET /courses and GET /courses/{courseId}/offerings, paged as the standard pages (Pagination). */
  private catalogueAnswer(path: string, query: URLSearchParams): [number, unknown] {
    if (!this.catalogue) {
      return [403, { status: '403', title: 'Forbidden', detail: 'No catalogue for this client.' }];
    }
    const pageSize = Math.min(Number(query.get('pageSize') ?? 10), this.maxPageSize);
    const pageNumber = Number(query.get('pageNumber') ?? 1);
    const paged = (items: unknown[]) => {
      const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
      return {
        pageSize,
        pageNumber,
        hasPreviousPage: pageNumber > 1,
        hasNextPage: pageNumber < totalPages,
        totalPages,
        items: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
      };
    };
    if (path === '/courses') return [200, paged(this.catalogue.map((entry) => entry.course))];
    const courseId = /^\/courses\/([^/]+)\/offerings$/.exec(path)?.[1];
    const entry = this.catalogue.find((e) => e.course.courseId === courseId);
    if (!entry) return [404, { status: '404', title: 'Not found' }];
    return [200, paged(entry.offerings)];
  }

  private authorizationServer(
    url: URL,
    request: IncomingMessage,
    text: string,
    send: (status: number, body: unknown) => void,
  ): void {
    if (url.pathname === '/oauth/.well-known/openid-configuration') {
      return send(200, {
        issuer: this.issuer,
        jwks_uri: `${this.issuer}/jwks`,
        token_endpoint: `${this.issuer}/token`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/oauth/jwks') return send(200, { keys: [this.keys.jwk] });
    if (url.pathname === '/oauth/token' && request.method === 'POST') {
      const [id, secret] = Buffer.from(
        (request.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      )
        .toString()
        .split(':')
        .map(decodeURIComponent);
      if (id !== this.clientId || secret !== this.clientSecret) {
        return send(401, { error: 'invalid_client' });
      }
      if (new URLSearchParams(text).get('grant_type') !== 'client_credentials') {
        return send(400, { error: 'unsupported_grant_type' });
      }
      const token = randomBytes(24).toString('base64url');
      this.tokens.add(token);
      this.tokensIssued += 1;
      return send(200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: this.tokenLifetimeSeconds,
      });
    }
    send(404, { error: 'not_found' });
  }
}

/**
 * The connection of a system nothing answers for (port 9, discard, has no listener here): for a test that needs
 * an institution to take part through its own system, but never its answers. Its synchronisations fail.
 */
export function unreachableConnection(machineClient: string): OoapiConnection {
  const origin = 'http://127.0.0.1:9';
  return {
    baseUrl: `${origin}/ooapi/v5`,
    tokenEndpoint: `${origin}/oauth/token`,
    clientId: 'leerroutes',
    callback: { issuer: `${origin}/oauth`, clientId: machineClient },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A repeatable stream of draws in [0, 1) from a seed (mulberry32): the same seed, the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
