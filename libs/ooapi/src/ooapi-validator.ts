import OpenAPIBackend, { ValidationResult } from 'openapi-backend';
import { loadOoapiV5Spec } from './spec';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** An OOAPI request as it crosses the wire; `path` is relative to the system's OOAPI base (e.g. /courses). */
export interface OoapiRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface OoapiResponse {
  status: number;
  body: unknown;
}

/** What the standard does not allow in a message, one line per problem ('' when it allows it). */
export type Violations = string[];

/**
 * Checks OOAPI v5 messages against the published OpenAPI document (openapi-backend, on ajv): every request
 * Leerroutes sends, every answer it accepts from an institution's system, and every answer it serves as a
 * provider. Built once (dereferencing the document takes a moment), then shared.
 */
export class OoapiValidator {
  private constructor(
    /** The document as it holds for what a client sends (readOnly properties are not required there). */
    private readonly requests: OpenAPIBackend,
    /** The document as it holds for what a server answers (writeOnly properties are not required there). */
    private readonly responses: OpenAPIBackend,
  ) {}

  private static shared?: Promise<OoapiValidator>;

  static v5(): Promise<OoapiValidator> {
    OoapiValidator.shared ??= (async () => {
      const [requests, responses] = await Promise.all([
        backend(forValidation(loadOoapiV5Spec(), 'request')),
        backend(forValidation(loadOoapiV5Spec(), 'response')),
      ]);
      return new OoapiValidator(requests, responses);
    })();
    return OoapiValidator.shared;
  }

  /** Whether the standard has this operation at all (method and path). */
  has(method: HttpMethod, path: string): boolean {
    return this.requests.matchOperation({ method, path, headers: {} }) !== undefined;
  }

  request(request: OoapiRequest): Violations {
    const operation = this.requests.matchOperation({
      method: request.method,
      path: request.path,
      headers: {},
    });
    if (!operation)
      return [`${request.method.toUpperCase()} ${request.path} is no OOAPI v5 operation`];
    const result = this.requests.validateRequest(
      {
        method: request.method,
        path: request.path,
        query: request.query ?? {},
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
      },
      operation,
    );
    return result.valid ? [] : describe(result.errors);
  }

  response(request: Pick<OoapiRequest, 'method' | 'path'>, response: OoapiResponse): Violations {
    const operation = this.responses.matchOperation({
      method: request.method,
      path: request.path,
      headers: {},
    });
    if (!operation)
      return [`${request.method.toUpperCase()} ${request.path} is no OOAPI v5 operation`];
    const result = this.responses.validateResponse(response.body, operation, response.status);
    return result.valid ? [] : describe(result.errors);
  }
}

async function backend(definition: Record<string, unknown>): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: definition as never,
    // The document as published breaks a few rules of the OpenAPI schema itself (a `properties` beside a
    // `oneOf`, say), which the full check refuses; quick mode skips that check of the document (not of the
    // messages) and compiles each operation's validators on first use.
    strict: false,
    validate: true,
    quick: true,
    coerceTypes: true,
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => {
      for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
      return ajv;
    },
  });
  await api.init();
  return api;
}

/**
 * The string formats the document uses beyond those openapi-backend knows (int32, double and the like): without
 * them ajv ignores the format, and an id that is no uuid or a date that is no date would pass.
 */
const FORMATS: Record<string, RegExp | ((value: string) => boolean)> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // RFC 3339 full-date, and a day the calendar has.
  date: (value) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
  'date-time': (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value)),
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: (value) => URL.canParse(value),
};

const METHODS: HttpMethod[] = ['get', 'post', 'patch', 'put', 'delete'];

type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
};

/**
 * The parsed copy as openapi-backend needs it (the file itself stays as published), for one direction of travel.
 * - The document names no operationId, by which the validators are keyed: each operation gets "<METHOD> <path>".
 * - PATCH bodies are JSON Merge Patch (application/merge-patch+json), which is JSON but which openapi-backend
 *   reads only under application/json: the same schema is named there too.
 * - OpenAPI 3.0 says a required property marked readOnly is required in responses only, and one marked writeOnly
 *   in requests only; ajv knows nothing of either, so each direction's copy drops the other's from `required`.
 *   (Without this a POST /associations/external/me would need the associationId the host has yet to give.)
 * - Every `oneOf` becomes `anyOf`. The document uses oneOf for alternatives it tells apart by no discriminator,
 *   some of which are the same schema (CourseResult and ProgramResult both are Result with a studyLoad) or differ
 *   only in an optional property (the three kinds of association): "exactly one" then fails every message of
 *   those kinds, so the published intent, "one of these kinds", is checked as "at least one".
 */
function forValidation(
  spec: Record<string, unknown>,
  direction: 'request' | 'response',
): Record<string, unknown> {
  const paths = spec.paths as Record<string, Partial<Record<HttpMethod, Operation>>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      operation.operationId ??= `${method.toUpperCase()} ${path}`;
      const content = operation.requestBody?.content;
      if (content?.['application/merge-patch+json'] && !content['application/json']) {
        content['application/json'] = content['application/merge-patch+json'];
      }
    }
  }
  visitSchemas(spec, (schema) => {
    if (Array.isArray(schema.oneOf) && !schema.anyOf) {
      schema.anyOf = schema.oneOf;
      delete schema.oneOf;
    }
    const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
    if (Array.isArray(schema.required) && properties && typeof properties === 'object') {
      const other = direction === 'request' ? 'readOnly' : 'writeOnly';
      schema.required = (schema.required as string[]).filter(
        (name) => properties[name]?.[other] !== true,
      );
    }
  });
  return spec;
}

/** Every object in the document, depth first (schemas among them); the document holds no cycles before $refs. */
function visitSchemas(node: unknown, visit: (schema: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => visitSchemas(item, visit));
  } else if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    visit(object);
    for (const value of Object.values(object)) visitSchemas(value, visit);
  }
}

function describe(errors: ValidationResult['errors']): Violations {
  return (errors ?? []).map((e) =>
    `${e.instancePath || '(body)'} ${e.message ?? 'is not allowed'}`.trim(),
  );
}
