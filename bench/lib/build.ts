import { execFileSync } from 'child_process';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '../..');
/** The compiled entry points the benchmark starts, as production runs them. */
export const API_ENTRY = 'dist/apps/api/src/main.js';
export const WORKER_ENTRY = 'dist/apps/worker/src/main.js';

/** What `npm run build` compiles: the apps' and libs' sources, without what tsconfig.build.json excludes. */
const SOURCE_DIRS = ['apps', 'libs'];
const NOT_BUILT_DIRS = ['test', 'testing', 'node_modules'];
const NOT_BUILT_FILE = /\.(spec|int-spec|e2e-spec|fault-spec)\.ts$/;

/**
 * Builds when dist/ is missing or older than a source file, so a benchmark never measures yesterday's code. The
 * check reads modification times: a fresh build takes a few seconds, and `npm test` builds just before the
 * suite, so there it finds dist/ current and builds nothing.
 */
export function ensureBuilt(log: (line: string) => void = () => undefined): void {
  const built = Math.min(modified(join(ROOT, API_ENTRY)), modified(join(ROOT, WORKER_ENTRY)));
  const newest = Math.max(...SOURCE_DIRS.map((dir) => newestSource(join(ROOT, dir))));
  if (built >= newest) return;
  log('dist/ is older than the sources: npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/** For tests, which run what `npm test` has just built: only says so when there is no build at all. */
export function ensureBuildExists(): void {
  if (modified(join(ROOT, API_ENTRY)) === 0 || modified(join(ROOT, WORKER_ENTRY)) === 0) {
    throw new Error('dist/ has no build of the API and the worker: run npm run build');
  }
}

function modified(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0; // not built
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_BUILT_DIRS.includes(entry.name)) newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !NOT_BUILT_FILE.test(entry.name)) {
      newest = Math.max(newest, modified(path));
    }
  }
  return newest;
}
