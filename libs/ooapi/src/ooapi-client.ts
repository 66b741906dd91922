import * as oauth from 'oauth4webapi';
import {
  OoapiProtocolError,
  OoapiRefusedError,
  OoapiRequestError,
  OoapiUnavailableError,
  operationName,
} from './ooapi-errors';
import type {
  Association,
  AssociationAnswer,
  AssociationWrite,
  OoapiCatalogueEntry,
  OoapiCourse,
  OoapiOffering,
  OoapiPage,
  PageRequest,
  PageSize,
} from './ooapi-messages';
import { HttpMethod, OoapiValidator } from './ooapi-validator';

export interface OoapiClientOptions {
  /** The system's OOAPI root, e.g. https://ooapi.uni-eem.example/ooapi/v5 (paths are appended to it). */
  baseUrl: string;
  /** Its authorization server's token endpoint (OAuth 2.0 client credentials, RFC 6749 section 4.4). */
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** How long each HTTP exchange (the token's included) may take. */
  timeoutMs: number;
}

/** The largest page the standard allows: the fewest calls for a whole catalogue. */
const LARGEST_PAGE: PageSize = 250;

/**
 * A system that keeps saying there is a next page would be read for ever: beyond this many pages of one list
 * (250,000 items at the largest size) its answer is taken for what it is, not OOAPI.
 */
const MAX_PAGES = 1000;

/** A token is not used in its last seconds: it could expire on the way. */
const EXPIRY_MARGIN_MS = 30_000;

interface CachedToken {
  value: string;
  /** Epoch ms after which it is fetched again; undefined: until the system refuses it. */
  renewAt?: number;
}

interface Exchange {
  method: HttpMethod;
  /** Relative to baseUrl, as the standard names operations. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The status the operation answers with when it succeeds. */
  expect: number;
}

/**
 * Leerroutes as the client of one institution's OOAPI v5 system. It signs in with client credentials (the
 * token is kept until shortly before it expires, and fetched again when the system answers 401), and every
 * message crosses the wire only as the published standard allows: what would be sent is checked first
 * (OoapiRequestError), what comes back before anything is taken from it (OoapiProtocolError). Every exchange
 * is bounded in time.
 */
export class OoapiClient {
  private token?: Promise<CachedToken>;
  /** Tokens the system answered 401 to: never offered again. */
  private readonly refused = new WeakSet<CachedToken>();
  private readonly authorizationServer: oauth.AuthorizationServer;
  private readonly baseUrl: string;
  /** The number of tokens fetched, for operators and tests: a healthy client reuses one. */
  tokensFetched = 0;

  constructor(private readonly options: OoapiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorizationServer = {
      // Client credentials involve no ID token, so no issuer is checked; the endpoint's origin stands in.
      issuer: new URL(options.tokenEndpoint).origin,
      token_endpoint: options.tokenEndpoint,
    };
  }

  /** POST /associations/external/me: enrols the home institution's student in the host's offering. */
  createAssociation(association: AssociationWrite): Promise<AssociationAnswer> {
    return this.exchange<AssociationAnswer>({
      method: 'post',
      path: '/associations/external/me',
      body: association,
      expect: 201,
    });
  }

  /** GET /associations/{associationId}: its state at the host, and the result once there is one. */
  association(associationId: string): Promise<Association> {
    return this.exchange<Association>({
      method: 'get',
      path: `/associations/${encodeURIComponent(associationId)}`,
      expect: 200,
    });
  }

  /** PATCH /associations/{associationId} with remoteState canceled: the student no longer takes part. */
  cancelAssociation(associationId: string): Promise<AssociationAnswer> {
    return this.exchange<AssociationAnswer>({
      method: 'patch',
      path: `/associations/${encodeURIComponent(associationId)}`,
      body: { remoteState: 'canceled' },
      expect: 200,
    });
  }

  /** GET /courses, one page. */
  courses(page: PageRequest): Promise<OoapiPage<OoapiCourse>> {
    return this.exchange<OoapiPage<OoapiCourse>>({
      method: 'get',
      path: '/courses',
      query: pageQuery(page),
      expect: 200,
    });
  }

  /** GET /courses/{courseId}/offerings, one page (v5 has no top-level list of offerings). */
  courseOfferings(courseId: string, page: PageRequest): Promise<OoapiPage<OoapiOffering>> {
    return this.exchange<OoapiPage<OoapiOffering>>({
      method: 'get',
      path: `/courses/${encodeURIComponent(courseId)}/offerings`,
      query: pageQuery(page),
      expect: 200,
    });
  }

  /**
   * The host's whole catalogue: every course (GET /courses), each with every offering of it (GET
   * /courses/{courseId}/offerings; v5 has no list of all offerings), each list read page by page until the
   * system says there is no next one. Read one course after another, so that a large catalogue does not flood
   * the host; every answer passes the validator before anything is taken from it.
   */
  async catalogue(pageSize: PageSize = LARGEST_PAGE): Promise<OoapiCatalogueEntry[]> {
    const courses = await everyPage('GET /courses', (page) => this.courses(page), pageSize);
    const entries: OoapiCatalogueEntry[] = [];
    for (const course of courses) {
      const offerings = await everyPage(
        `GET /courses/${course.courseId}/offerings`,
        (page) => this.courseOfferings(course.courseId, page),
        pageSize,
      );
      entries.push({ course, offerings });
    }
    return entries;
  }

  private async exchange<T>(exchange: Exchange): Promise<T> {
    const { method, path, query, body } = exchange;
    const operation = operationName(method, path);
    const v5 = await OoapiValidator.v5();
    // JSON Merge Patch for PATCH (RFC 7396), as the standard describes its PATCH operations.
    const contentType = method === 'patch' ? 'application/merge-patch+json' : 'application/json';
    const headers: Record<string, string> =
      body === undefined ? {} : { 'content-type': contentType };
    const refused = v5.request({ method, path, query, headers, body });
    if (refused.length > 0) throw new OoapiRequestError(operation, refused);

    let token = await this.currentToken();
    let response = await this.send(exchange, headers, token.value);
    if (response.status === 401) {
      // The system no longer takes the token (revoked, restarted, its clock ahead of ours): one new try.
      this.forget(token);
      token = await this.currentToken();
      response = await this.send(exchange, headers, token.value);
    }
    const answer = await this.read(operation, response);
    if (response.status >= 500 || response.status === 429) {
      throw new OoapiUnavailableError(operation, `the system answered ${response.status}`);
    }
    const violations = v5.response({ method, path }, { status: response.status, body: answer });
    if (violations.length > 0) throw new OoapiProtocolError(operation, response.status, violations);
    if (response.status !== exchange.expect) {
      throw new OoapiRefusedError(operation, response.status, problemDetail(answer));
    }
    return answer as T;
  }

  private async send(
    { method, path, query, body }: Exchange,
    headers: Record<string, string>,
    token: string,
  ): Promise<Response> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    try {
      return await fetch(url, {
        method: method.toUpperCase(),
        headers: { ...headers, accept: 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new OoapiUnavailableError(operationName(method, path), reasonOf(error));
    }
  }

  /** The body as JSON; an answer that is no JSON at all is not OOAPI either. */
  private async read(operation: string, response: Response): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new OoapiUnavailableError(operation, reasonOf(error));
    }
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      if (response.status >= 500) return text;
      throw new OoapiProtocolError(operation, response.status, ['the body is not JSON']);
    }
  }

  /** The token in use, or a new one; callers at the same moment share one request for it. */
  private async currentToken(): Promise<CachedToken> {
    const cached = this.token;
    if (cached) {
      const token = await cached.catch(() => undefined);
      const fresh = token && (token.renewAt === undefined || Date.now() < token.renewAt);
      if (token && fresh && !this.refused.has(token)) return token;
      if (this.token === cached) this.token = undefined;
    }
    this.token ??= this.fetchToken();
    const fetching = this.token;
    try {
      return await fetching;
    } catch (error) {
      // A failed fetch is not kept: the next call asks again.
      if (this.token === fetching) this.token = undefined;
      throw error;
    }
  }

  /** Drops the token the system refused, unless another call has already replaced it. */
  private forget(token: CachedToken): void {
    if (this.refused.has(token)) return;
    this.refused.add(token);
  }

  private async fetchToken(): Promise<CachedToken> {
    const { clientId, clientSecret, scope, tokenEndpoint, timeoutMs } = this.options;
    const client: oauth.Client = { client_id: clientId };
    const operation = `POST ${tokenEndpoint}`;
    let grant: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.clientCredentialsGrantRequest(
        this.authorizationServer,
        client,
        oauth.ClientSecretBasic(clientSecret),
        scope ? { scope } : {},
        {
          signal: AbortSignal.timeout(timeoutMs),
          // Plain http only reaches here for a loopback address (the configuration refuses it elsewhere).
          [oauth.allowInsecureRequests]: new URL(tokenEndpoint).protocol === 'http:',
        },
      );
      grant = await oauth.processClientCredentialsResponse(
        this.authorizationServer,
        client,
        response,
      );
    } catch (error) {
      throw new OoapiUnavailableError(operation, `no access token: ${reasonOf(error)}`);
    }
    this.tokensFetched += 1;
    const lifetimeMs = grant.expires_in === undefined ? undefined : grant.expires_in * 1000;
    return {
      value: grant.access_token,
      renewAt:
        lifetimeMs === undefined
          ? undefined
          : Date.now() + Math.max(lifetimeMs - EXPIRY_MARGIN_MS, lifetimeMs / 2),
    };
  }
}

/** Every item of a paged list, page after page from the first (OOAPI Pagination: hasNextPage). */
async function everyPage<T>(
  operation: string,
  read: (page: PageRequest) => Promise<OoapiPage<T>>,
  pageSize: PageSize,
): Promise<T[]> {
  const items: T[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber += 1) {
    const page = await read({ pageSize, pageNumber });
    items.push(...page.items);
    if (!page.hasNextPage) return items;
  }
  throw new OoapiProtocolError(operation, 200, [
    `hasNextPage is still true after ${MAX_PAGES} pages`,
  ]);
}

function pageQuery({ pageSize, pageNumber }: PageRequest): Record<string, string> {
  return { pageSize: String(pageSize), pageNumber: String(pageNumber) };
}

function problemDetail(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const { title, detail } = body as { title?: unknown; detail?: unknown };
  return [title, detail].filter((part) => typeof part === 'string').join(': ');
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'it did not answer in time';
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
