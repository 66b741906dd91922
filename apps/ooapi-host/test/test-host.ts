import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { HttpMethod, OoapiValidator } from '@lr/ooapi';
import { TestDatabase, createEmptyTestDatabase, freePort } from '@lr/testing';
import { HostConfig, loadHostConfig } from '../src/config/host-config';
import { createHostApp, startHostApp } from '../src/host-app';

/** What tests of other apps need of the host (apps/api's, say): they import it from here, never from its src. */
export { LEERROUTES_CLIENT_ID, SYSTEM_CLIENT_ID } from '../src/config/host-config';
export { DEMO_OFFERINGS } from '../src/database/seed-catalogue';

/**
 * The demo institution system booted in this process on an empty database of its own and a port of its own,
 * as main.ts boots it. Calls go over HTTP with tokens from its own token endpoint.
 */
export class TestHost {
  private token?: string;

  private constructor(
    public app: INestApplication,
    readonly config: HostConfig,
    private readonly database: TestDatabase,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestHost> {
    const database = await createEmptyTestDatabase();
    const config = loadHostConfig({
      OOAPI_HOST_PORT: String(await freePort()),
      OOAPI_HOST_DATABASE_URL: database.url,
      OOAPI_HOST_CALLBACK_POLL_MS: '20',
      ...env,
    });
    const app = await createHostApp(config, ['error']);
    await startHostApp(app, config);
    return new TestHost(app, config, database);
  }

  get url(): string {
    return this.config.publicUrl;
  }

  get databaseUrl(): string {
    return this.database.url;
  }

  /** Stops and starts the system again on the same database and port, as a restart does. */
  async restart(): Promise<void> {
    await this.app.close();
    this.app = await createHostApp(this.config, ['error']);
    await startHostApp(this.app, this.config);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  /** POST /oauth/token with client credentials (client_secret_basic), as Leerroutes asks. */
  tokenRequest(clientId: string, secret: string, form: Record<string, string> = {}): request.Test {
    return request(this.url)
      .post('/oauth/token')
      .auth(clientId, secret)
      .type('form')
      .send({ grant_type: 'client_credentials', ...form });
  }

  /** A token of client `leerroutes`, reused like the connector reuses it. */
  async leerroutesToken(): Promise<string> {
    if (!this.token) {
      const response = await this.tokenRequest('leerroutes', this.config.leerroutesSecret).expect(
        200,
      );
      this.token = response.body.access_token as string;
    }
    return this.token;
  }

  /**
   * An OOAPI call as Leerroutes makes it (path relative to /ooapi/v5). The answer, whatever its status, must
   * be one the standard allows; a test that expects a refusal checks the status itself.
   */
  async ooapi(
    method: HttpMethod,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<request.Response> {
    const call = request(this.url)
      [method](`/ooapi/v5${path}`)
      .set('authorization', `Bearer ${token ?? (await this.leerroutesToken())}`);
    // A string is sent as it is (a test of a body that is no JSON); anything else as JSON.
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const type = method === 'patch' ? 'application/merge-patch+json' : 'application/json';
    const response =
      body === undefined ? await call : await call.set('content-type', type).send(text);
    await expectOoapiAnswer(method, path, response);
    return response;
  }
}

/** Fails unless the answer (status and body) is one OOAPI v5 allows for the operation. */
export async function expectOoapiAnswer(
  method: HttpMethod,
  path: string,
  response: request.Response,
): Promise<void> {
  const v5 = await OoapiValidator.v5();
  const pathOnly = path.split('?')[0];
  expect({
    answer: `${response.status} ${method.toUpperCase()} ${pathOnly}`,
    violations: v5.response(
      { method, path: pathOnly },
      { status: response.status, body: response.body },
    ),
  }).toEqual({ answer: `${response.status} ${method.toUpperCase()} ${pathOnly}`, violations: [] });
}

/** A person as a home institution sends them (OOAPI Person; primaryCode its student number). */
export function person(name: string, studentNumber: string): Record<string, unknown> {
  const [givenName, ...rest] = name.split(' ');
  return {
    personId: '6e1f1a3c-0000-4000-8000-' + studentNumber.padStart(12, '0'),
    primaryCode: { codeType: 'studentNumber', code: studentNumber },
    givenName,
    surname: rest.join(' '),
    displayName: name,
    mail: `${givenName.toLowerCase()}.${studentNumber}@student.uni-waal.example`,
    affiliations: ['student'],
    activeEnrollment: true,
  };
}

/** The body of POST /associations/external/me as Leerroutes sends it for an offering of this catalogue. */
export function enrolment(offering: Record<string, unknown>, who: Record<string, unknown>) {
  return {
    associationType: 'courseOfferingAssociation',
    role: 'student',
    remoteState: 'pending',
    person: who,
    offering,
    issuer: {
      organizationId: '0b7e8c5a-0000-4000-8000-000000000001',
      organizationType: 'root',
      name: [{ language: 'nl-NL', value: 'Universiteit aan de Waal' }],
      shortName: 'uni-waal',
      primaryCode: { codeType: 'schacHome', code: 'uni-waal.example' },
    },
  };
}
