import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TestApp } from './test-app';

const ROOT = join(__dirname, '../../..');
const TYPES = join(ROOT, 'apps/portal/src/api/schema.d.ts');

/**
 * The portal is typed from the API's OpenAPI document. This test generates the types from the document the API
 * serves now and fails when the committed ones differ, so a change to the API cannot leave the portal typed
 * against an old shape. `npm run portal:api-types` writes them anew.
 */
describe('the portal’s API types', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
  });
  afterAll(() => t.close());

  it('are generated from the OpenAPI document the API serves', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as object;
    const dir = mkdtempSync(join(tmpdir(), 'lr-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
          join(dir, 'openapi.json'),
          '--output',
          join(dir, 'schema.d.ts'),
          '--root-types',
        ],
        { stdio: 'pipe' },
      );
      const generated = `// Generated from the API's OpenAPI document by \`npm run portal:api-types\`; do not edit.\n${readFileSync(join(dir, 'schema.d.ts'), 'utf8')}`;
      if (process.env.UPDATE_API_TYPES === '1') writeFileSync(TYPES, generated);
      expect(readFileSync(TYPES, 'utf8')).toBe(generated);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
