import { spawnSync } from 'child_process';
import { join } from 'path';
import { Client } from 'pg';
import { TestDatabase, createTestDatabase } from '@lr/testing';

// The built CLI, as production runs it (npm test builds first).
const ROOT = join(__dirname, '../../..');

describe('seeding an empty database', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
    await query('TRUNCATE institutions, people, student_register CASCADE');
  });
  afterEach(() => database.drop());

  async function query(sql: string): Promise<number> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql)).rowCount ?? 0;
    } finally {
      await client.end();
    }
  }

  function setup(nodeEnv: string | undefined) {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
    // Jest runs with NODE_ENV=test; production is what a bare start has.
    delete env.NODE_ENV;
    if (nodeEnv) env.NODE_ENV = nodeEnv;
    return spawnSync(process.execPath, ['dist/apps/cli/src/main.js', 'setup'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 30000,
    });
  }

  it('adds the institutions with their programmes, but no demo offerings or people, when NODE_ENV is not set', async () => {
    const result = setup(undefined);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/no demo offerings and no demo people/);
    expect(await query('SELECT 1 FROM institutions')).toBeGreaterThan(0);
    expect(await query('SELECT 1 FROM programmes')).toBeGreaterThan(0);
    // A real institution's admins enter its offerings themselves (POST /admin/offerings).
    expect(await query('SELECT 1 FROM offerings')).toBe(0);
    expect(await query('SELECT 1 FROM people')).toBe(0);
    expect(await query('SELECT 1 FROM student_register')).toBe(0);
  });

  it('adds the demo offerings and people with NODE_ENV=development', async () => {
    const result = setup('development');
    expect(result.status).toBe(0);
    expect(
      await query(
        `SELECT 1 FROM offerings WHERE institution_code = 'uni-ijssel' AND code = 'DS-ML'`,
      ),
    ).toBe(1);
    expect(await query(`SELECT 1 FROM people WHERE id = 'macca'`)).toBe(1);
    // Macca as uni-waal's own records hold her, for its in-app student information system.
    expect(
      await query(
        `SELECT 1 FROM student_register WHERE subject = 'macca' AND student_number = 's1029384'`,
      ),
    ).toBe(1);
  });
});
