import { ConfigValidationError } from '@lr/config';

/**
 * One clear line instead of a stack trace when a service is missing or the configuration is wrong at start-up.
 */
export function startupFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  let line = `Leerroutes could not start: ${message}`;
  if (error instanceof ConfigValidationError) line = `Leerroutes could not start. ${message}`;
  else if (code === 'ECONNREFUSED' || /does not answer|ECONNREFUSED/.test(message)) {
    line = `Leerroutes could not start: ${message}. Check DATABASE_URL and REDIS_URL.`;
  } else if (code === '3D000') {
    line = `Leerroutes could not start: ${message}. Create the database or set DATABASE_URL.`;
  }
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
