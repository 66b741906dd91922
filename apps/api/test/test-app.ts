import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DevTokensService } from '@lr/auth';
import { AppConfig, loadConfig } from '@lr/config';
import { InstitutionDefinition, REGISTERED_INSTITUTIONS, SignedInPerson } from '@lr/institutions';
import { JobsModule } from '@lr/jobs';
import {
  TEST_REDIS_URL,
  TestClock,
  TestDatabase,
  createTestDatabase,
  deleteRedisPrefix,
} from '@lr/testing';
import { CLOCK } from '@lr/domain';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/configure-app';

/** Before every demo offering's enrolment deadline: the academic year the seeds describe. */
export const TEST_START = '2026-12-01T09:00:00Z';

/**
 * The institutions a test app serves unless the test names others: those that work in Leerroutes itself. One
 * that takes part through its own system joins a test with a connection to that test's stand-in of the system
 * (ooapi-hosts.e2e-spec, demo-system-journey.e2e-spec), never to whatever answers at its configured address.
 */
export const IN_APP_INSTITUTIONS = REGISTERED_INSTITUTIONS.filter((d) => !d.ooapi);

export interface TestAppOptions {
  withWorker?: boolean;
  institutions?: InstitutionDefinition[];
  /** The system clock instead of a test clock, for tests whose other processes read the system time. */
  systemClock?: boolean;
  /** Configuration beyond the test defaults, e.g. { JOB_ATTEMPTS: '2' }. */
  env?: Record<string, string>;
}

/**
 * The API (and by default the worker) booted in this process on a database and a queue prefix of its own,
 * with a clock the test controls. Requests go through HTTP with real signed tokens.
 */
export class TestApp {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly app: INestApplication,
    readonly clock: TestClock,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      // As in production: the application's role, not the owner (see libs/database/src/application-role.ts).
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `lrtest-${randomBytes(4).toString('hex')}`,
      DEV_TOKENS_ENABLED: 'true',
      // One development issuer per test process on a free port, shared by the apps the process boots.
      DEV_ISSUER_PORT: '0',
      OUTBOX_POLL_MS: '20',
      LOG_LEVEL: 'silent',
      // Tests act for a few seeded people at machine speed; the limit itself is tested in hardening.e2e-spec.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...options.env,
    });
    const clock = new TestClock(new Date(TEST_START));
    const builder = Test.createTestingModule({
      // The API and, unless a test asks otherwise, the worker side in this one process.
      imports: [
        AppModule.forRoot({ config, institutions: options.institutions ?? IN_APP_INSTITUTIONS }),
        ...(options.withWorker === false ? [] : [JobsModule]),
      ],
    });
    if (!options.systemClock) builder.overrideProvider(CLOCK).useValue(clock);
    const moduleRef = await builder.compile();
    const app = configureApp(moduleRef.createNestApplication({ bodyParser: false }));
    await app.init();
    return new TestApp(app, clock, config, database);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  /** A statement as the database's owner, for what the application's role may not do (DDL, say). */
  async ownerQuery<T = unknown>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Listens on a free port of 127.0.0.1, for clients outside this process (a browser); returns the base URL. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    return (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** The development token the API issues for a seeded person (cached per test file). */
  async token(personId: string): Promise<string> {
    if (!this.tokens.has(personId)) {
      this.tokens.set(personId, (await this.app.get(DevTokensService).issue(personId)).token);
    }
    return this.tokens.get(personId)!;
  }

  /** Requests as a seeded person, with the development token the API issues for them. */
  as(personId: string) {
    return this.withBearer(() => this.token(personId));
  }

  /**
   * Requests as a person who need not be in the people table: the development issuer signs the claims the
   * institution's own identity provider would send for them, and the API validates that token as any other.
   */
  asSignedIn(institutionCode: string, person: SignedInPerson) {
    return this.withBearer(
      async () => (await this.app.get(DevTokensService).issueFor(institutionCode, person)).token,
    );
  }

  /** Requests with a token got elsewhere: an ID token from the development issuer's code flow, say. */
  withToken(token: string) {
    return this.withBearer(() => Promise.resolve(token));
  }

  private withBearer(token: () => Promise<string>) {
    const authorization = async () => `Bearer ${await token()}`;
    return {
      get: async (path: string) =>
        this.http()
          .get(path)
          .set('Authorization', await authorization()),
      post: async (path: string, body: object = {}) =>
        this.http()
          .post(path)
          .set('Authorization', await authorization())
          .send(body),
      put: async (path: string, body: object) =>
        this.http()
          .put(path)
          .set('Authorization', await authorization())
          .send(body),
      patch: async (path: string, body: object) =>
        this.http()
          .patch(path)
          .set('Authorization', await authorization())
          .send(body),
    };
  }

  async close(): Promise<void> {
    await this.app.close();
    await Promise.all([
      this.database.drop(),
      deleteRedisPrefix(this.config.redisUrl, this.config.queuePrefix),
    ]);
  }
}
