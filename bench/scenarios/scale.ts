import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { loadConfig } from '@lr/config';
import { CoreModule } from '@lr/core';
import { PersonEntity } from '@lr/database';
import { deleteRedisPrefix, ownSystemsOutOfReach } from '@lr/testing';
import { CatalogueQuery, InboxQuery, RequestViewsQuery } from '@lr/workflow';
import { queuePrefixFor } from '../lib/bench-config';
import { BenchDatabase, withBenchDatabase } from '../lib/bench-database';
import { actorOf } from '../lib/bearer-tokens';
import { markdownTable, registerScenario } from '../lib/scenario';
import { BENCH_STUDENT_PREFIX } from '../lib/students';
import { percentile } from '../lib/stats';
import { generateHistory } from './scale-data';

export interface ScaleOptions {
  requests: number;
  queries: number;
  /** A PostgreSQL server where the scenario may create and drop a database of its own. */
  serverUrl: string;
  redisUrl: string;
}

export interface QueryFigures {
  query: string;
  p50Ms: number;
  p95Ms: number;
  /** False when a plan reads one of the large tables without an index. */
  usesIndex: boolean;
  plan: string;
}

const LARGE_TABLES = ['requests', 'components', 'offerings', 'people'];

/** Catches the SQL TypeORM sends, so that the scenario can EXPLAIN exactly what the application runs. */
class CapturingLogger implements TypeOrmLogger {
  captured: { sql: string; parameters: unknown[] }[] = [];
  logQuery(sql: string, parameters?: unknown[]) {
    this.captured.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** Scenario 4: the inbox, list and catalogue queries with a million historical requests in the database. */
export async function runScale(
  options: ScaleOptions,
): Promise<{ seconds: { generate: number }; figures: QueryFigures[] }> {
  return withBenchDatabase(options.serverUrl, async (database) => {
    const started = Date.now();
    await generateHistory(database.dataSource, {
      requests: options.requests,
      students: Math.max(100, Math.round(options.requests / 10)),
      offerings: Math.max(100, Math.round(options.requests / 50)),
    });
    // The generation's connections are not needed while the queries are timed.
    await database.dataSource.destroy();
    const generate = (Date.now() - started) / 1000;
    const figures = await timeQueries(options, database);
    return { seconds: { generate }, figures };
  });
}

/** Times each query class through the application's own providers, TypeORM included, and explains it. */
async function timeQueries(
  options: ScaleOptions,
  database: BenchDatabase,
): Promise<QueryFigures[]> {
  let app: INestApplicationContext | undefined;
  const queuePrefix = queuePrefixFor(database.name);
  try {
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'silent',
      ...ownSystemsOutOfReach(),
    });
    app = await NestFactory.createApplicationContext(CoreModule.forRoot({ config }), {
      logger: false,
    });
    const db = app.get(DataSource);
    const logger = new CapturingLogger();
    db.logger = logger;
    const actors = await loadActors(db);
    const inbox = app.get(InboxQuery);
    const views = app.get(RequestViewsQuery);
    const catalogue = app.get(CatalogueQuery);
    const page = { page: 1, pageSize: 20 };
    const pick = <T>(list: T[], i: number) => list[i % list.length];
    const words = ['statistics', 'horticulture', 'energy', 'pedagogy', 'nutrition', 'robotics'];

    const queries: [string, (i: number) => Promise<unknown>][] = [
      ['exam-board inbox', (i) => inbox.list(pick(actors.boards, i), 'exam-board', page)],
      ['host admissions inbox', (i) => inbox.list(pick(actors.admissions, i), 'admissions', page)],
      ["a student's list", (i) => views.listOwn(pick(actors.students, i * 7919), page)],
      [
        "home registrar's list",
        (i) => inbox.list(pick(actors.registrars, i), 'registrations', page),
      ],
      [
        'catalogue search, a broad word',
        (i) =>
          catalogue.offerings({ ...page, q: pick(words, i), language: i % 2 ? 'en' : undefined }),
      ],
      [
        'catalogue search, one match',
        (i) => catalogue.offerings({ ...page, q: `bench-${10000 + (i % 9999)}` }),
      ],
    ];
    const figures: QueryFigures[] = [];
    for (const [query, run] of queries) {
      for (let i = 0; i < Math.min(20, options.queries); i += 1) await run(i); // warm the caches and the plans
      const times: number[] = [];
      for (let i = 0; i < options.queries; i += 1) {
        const t0 = process.hrtime.bigint();
        await run(i);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      logger.captured = [];
      await run(1);
      const plans = await Promise.all(logger.captured.map((q) => explain(db, q.sql, q.parameters)));
      const seqScans = plans.flatMap((p) => p.seqScans);
      figures.push({
        query,
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        usesIndex: seqScans.length === 0,
        plan: plans.map((p) => p.summary).join(' | '),
      });
    }
    return figures;
  } finally {
    await app?.close();
    // The application's queues leave their metadata in Redis even when nothing was queued.
    await deleteRedisPrefix(options.redisUrl, queuePrefix);
  }
}

async function loadActors(db: DataSource) {
  const people = await db.manager.find(PersonEntity);
  const of = (role: string) => people.filter((p) => p.role === role).map(actorOf);
  return {
    boards: of('exam-board'),
    admissions: of('host-admissions'),
    registrars: of('registrar'),
    students: of('student').filter((s) => s.id.startsWith(BENCH_STUDENT_PREFIX)),
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** The plan's nodes that read a table, and any sequential scan of a large one. */
async function explain(db: DataSource, sql: string, parameters: unknown[]) {
  const [
    {
      'QUERY PLAN': [root],
    },
  ] = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    parameters,
  );
  const reads: string[] = [];
  const seqScans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Relation Name']) {
      reads.push(`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
      if (node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name']))
        seqScans.push(node['Relation Name']);
    }
    node.Plans?.forEach(walk);
  };
  walk(root.Plan);
  return { summary: reads.join(', '), seqScans };
}

export const scaleScenario = registerScenario({
  summary:
    'scenario 4: inbox, list and catalogue queries at a million requests (--requests, --queries)',
  options: (flags, servers): ScaleOptions => ({
    requests: flags.count('requests', 1_000_000),
    queries: flags.count('queries', 1000),
    ...servers,
  }),
  run: runScale,
  report: (result, options) =>
    `Scale: ${options.requests} requests (generated in ${result.seconds.generate.toFixed(0)} s), ` +
    `${options.queries} queries each\n\n` +
    markdownTable(
      ['query', 'p50 ms', 'p95 ms', 'index', 'plan'],
      result.figures.map((f) => [f.query, f.p50Ms, f.p95Ms, f.usesIndex ? 'yes' : 'NO', f.plan]),
    ),
});
