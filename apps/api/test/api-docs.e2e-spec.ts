import { ERROR_CODES } from '@lr/domain';
import { OoapiValidator } from '@lr/ooapi';
import { ooapiRoutes, servedRoutes } from './served-routes';
import { TestApp } from './test-app';

describe('the API documentation and health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
  });
  afterAll(() => t.close());

  it('documents every route the API serves at /docs-json, with its problem responses', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const served = servedRoutes(t);
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(15);
    expect(documented).toEqual(served);
    expect(
      document.paths['/requests/{id}/components/{componentId}/approval'].post.responses,
    ).toHaveProperty('409');
  });

  it('serves as an OOAPI provider only operations of the OOAPI v5 standard, which documents them instead', async () => {
    const v5 = await OoapiValidator.v5();
    const routes = ooapiRoutes(t);
    expect([...routes].sort()).toEqual([
      'get /',
      'get /courses',
      'get /courses/{courseId}',
      'get /courses/{courseId}/offerings',
      'get /offerings/{offeringId}',
      'patch /associations/{associationId}',
    ]);
    for (const route of routes) {
      const [method, path] = route.split(' ') as ['get' | 'patch', string];
      expect(v5.has(method, path.replace(/\{\w+\}/g, '0d6e1c2b-3a4f-4e5d-8c7b-6a5f4e3d2c1b'))).toBe(
        true,
      );
    }
    const document = (await t.http().get('/docs-json').expect(200)).body as { paths: object };
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/ooapi'))).toEqual([]);
  });

  it('documents the body of every successful response', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
      components: { schemas: Record<string, { properties: object }> };
    };
    const undocumented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(
          ([, op]) =>
            !Object.entries(op.responses).some(([code, r]) => code.startsWith('2') && r.content),
        )
        .map(([method]) => `${method} ${path}`),
    );
    expect(undocumented).toEqual([]);
    expect(Object.keys(document.components.schemas.RequestViewDto.properties)).toEqual(
      expect.arrayContaining(['components', 'timeline', 'status']),
    );
  });

  it('lists every error code with the status it is answered with', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      components: { schemas: { Problem: { properties: { code: { description: string } } } } };
    };
    const listed = document.components.schemas.Problem.properties.code.description;
    const codes = Object.keys(ERROR_CODES);
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) expect(listed).toContain(`\`${code}\``);
    expect(listed).toContain('`OFFERING.FULL` 409');
    expect(listed).toContain('`OFFERING.NOT_FOUND` 404');
    expect(listed).toContain('`PERSON.NO_ROLE` 403');
    expect(listed).toContain('`RESULT.NO_GRADE` 400');
  });

  it('serves the interactive documentation at /docs', async () => {
    const page = await t.http().get('/docs').redirects(1);
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });

  it('reports database and Redis in GET /health', async () => {
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });
});
