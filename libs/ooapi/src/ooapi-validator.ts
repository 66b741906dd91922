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
  private constructor(private readonly api: OpenAPIBackend) {}

  private static shared?: Promise<OoapiValidator>;

  static v5(): Promise<OoapiValidator> {
    OoapiValidator.shared ??= (async () => {
      const api = new OpenAPIBackend({
        definition: forValidation(loadOoapiV5Spec()) as never,
        // The document as published breaks a few rules of the OpenAPI schema itself (a `properties` beside a
        // `oneOf`, say), which the full check refuses; quick mode skips that check of the document (not of the
        // messages) and compiles each operation's validators on first use.
        strict: false,
        validate: true,
        quick: true,
        coerceTypes: true,
        ajvOpts: { strict: false, allErrors: true },
      });
      await api.init();
      return new OoapiValidator(api);
    })();
    return OoapiValidator.shared;
  }

  /** Whether the standard has this operation at all (method and path). */
  has(method: HttpMethod, path: string): boolean {
    return this.api.matchOperation({ method, path, headers: {} }) !== undefined;
  }

  request(request: OoapiRequest): Violations {
    const operation = this.api.matchOperation({
      method: request.method,
      path: request.path,
      headers: {},
    });
    if (!operation)
      return [`${request.method.toUpperCase()} ${request.path} is no OOAPI v5 operation`];
    const result = this.api.validateRequest(
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
    const operation = this.api.matchOperation({
      method: request.method,
      path: request.path,
      headers: {},
    });
    if (!operation)
      return [`${request.method.toUpperCase()} ${request.path} is no OOAPI v5 operation`];
    const result = this.api.validateResponse(response.body, operation, response.status);
    return result.valid ? [] : describe(result.errors);
  }
}

const METHODS: HttpMethod[] = ['get', 'post', 'patch', 'put', 'delete'];

type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
};

/**
 * The parsed copy as openapi-backend needs it (the file itself stays as published). The document names no
 * operationId, by which the validators are keyed: each operation gets "<METHOD> <path>". And PATCH bodies are
 * JSON Merge Patch (application/merge-patch+json), which is JSON but which openapi-backend reads only under
 * application/json: the same schema is named there too.
 */
function forValidation(spec: Record<string, unknown>): Record<string, unknown> {
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
  return spec;
}

function describe(errors: ValidationResult['errors']): Violations {
  return (errors ?? []).map((e) =>
    `${e.instancePath || '(body)'} ${e.message ?? 'is not allowed'}`.trim(),
  );
}
