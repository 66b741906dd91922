import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { dataSourceOptions } from '@lr/database';
import { DEFAULT_JOB_OPTIONS, createRedisConnection } from '@lr/queue';
import { deleteRedisPrefix } from '@lr/testing';
import { benchConfig, queuePrefixFor } from '../lib/bench-config';
import { withBenchDatabase } from '../lib/bench-database';
import { Distribution, distribution, round } from '../lib/stats';
import { stopwatch } from '../lib/timing';

export interface PipelineOptions {
  transitions: number;
  /** Chains in flight: each takes its next transition when its last job is done. */
  chains: number;
  serverUrl: string;
  redisUrl: string;
}

export interface PipelineResult {
  transitions: number;
  chains: number;
  /** As the product's processes have them: PostgreSQL connections per pool, jobs at once per worker. */
  poolSize: number;
  workerConcurrency: number;
  seconds: number;
  transitionsPerSecond: number;
  /** From adding a job to its worker reporting it done, in ms. */
  hopMs: Distribution;
}

const QUEUE = 'bench-pipeline';

/**
 * Scenario 3, the limit: per transition only what the workflow cannot avoid, one PostgreSQL transaction
 * (update one row, insert one row) and then one BullMQ job through an empty processor, in chains like the
 * journeys' components. Pool size, worker concurrency, job options and Redis connection settings are the
 * product's own, read from the same config; it runs in this one process on the same PostgreSQL and Redis.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  return withBenchDatabase(
    options.serverUrl,
    async (database) => {
      const prefix = queuePrefixFor(database.name);
      const config = benchConfig({
        databaseUrl: database.url,
        redisUrl: options.redisUrl,
        queuePrefix: prefix,
      });
      const pgOptions = dataSourceOptions(database.url) as PostgresDataSourceOptions;
      const poolSize = (pgOptions.extra as { max: number }).max;
      await database.dataSource.query(
        `CREATE TABLE chains (id integer PRIMARY KEY, step integer NOT NULL, updated_at timestamptz NOT NULL);
         CREATE TABLE hops (id bigserial PRIMARY KEY, chain_id integer NOT NULL, step integer NOT NULL,
                            at timestamptz NOT NULL);
         INSERT INTO chains SELECT g, 0, now() FROM generate_series(1, ${options.chains}) g`,
      );
      await database.dataSource.destroy();

      const pool = new Pool({ connectionString: database.url, max: poolSize });
      const connection = createRedisConnection(options.redisUrl);
      const queue = new Queue(QUEUE, {
        connection,
        prefix,
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: config.jobAttempts },
      });
      const done = new Map<string, () => void>();
      // BullMQ leaves a connection it was given open: the worker's is closed with the queue's below.
      const workerConnection = createRedisConnection(options.redisUrl);
      const worker = new Worker(QUEUE, () => Promise.resolve(), {
        connection: workerConnection,
        prefix,
        concurrency: config.workerConcurrency,
        lockDuration: config.workerLockMs,
        stalledInterval: config.workerLockMs,
      });
      worker.on('completed', (job) => {
        done.get(job.id!)?.();
        done.delete(job.id!);
      });
      const hops: number[] = [];

      const transition = async (chain: number, step: number) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('UPDATE chains SET step = $2, updated_at = now() WHERE id = $1', [
            chain,
            step,
          ]);
          await client.query('INSERT INTO hops (chain_id, step, at) VALUES ($1, $2, now())', [
            chain,
            step,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
        const jobId = `${chain}-${step}`;
        const hop = stopwatch();
        await new Promise<void>((resolve, reject) => {
          done.set(jobId, resolve);
          queue.add('hop', { chain, step }, { jobId }).catch(reject);
        });
        hops.push(hop());
      };
      const chain = async (id: number, steps: number) => {
        for (let step = 1; step <= steps; step += 1) await transition(id, step);
      };

      try {
        await worker.waitUntilReady();
        const elapsed = stopwatch();
        // The transitions shared out over the chains as evenly as they go.
        const base = Math.floor(options.transitions / options.chains);
        const extra = options.transitions % options.chains;
        await Promise.all(
          Array.from({ length: options.chains }, (_, i) =>
            chain(i + 1, base + (i < extra ? 1 : 0)),
          ),
        );
        const seconds = elapsed() / 1000;
        return {
          transitions: options.transitions,
          chains: options.chains,
          poolSize,
          workerConcurrency: config.workerConcurrency,
          seconds: round(seconds),
          transitionsPerSecond: round(options.transitions / seconds, 1),
          hopMs: distribution(hops),
        };
      } finally {
        await worker.close();
        await queue.close();
        workerConnection.disconnect();
        connection.disconnect();
        await pool.end();
        await deleteRedisPrefix(options.redisUrl, prefix);
      }
    },
    { empty: true },
  );
}
