import { REGISTERED_INSTITUTIONS } from '@lr/institutions';

/**
 * For a process that boots every registered institution (dist/apps/*, the benchmark's services) where only those
 * that work in Leerroutes itself are at stake: the institutions with their own system keep their registration,
 * with a secret and an address where nothing listens, so that a catalogue run fails at once instead of reaching
 * whatever answers at the address their module names.
 */
export function ownSystemsOutOfReach(): Record<string, string> {
  const codes = REGISTERED_INSTITUTIONS.filter((d) => d.ooapi).map((d) => d.code);
  return {
    OOAPI_CLIENT_SECRETS: codes.map((code) => `${code}=not-used-here`).join(','),
    OOAPI_CONNECTIONS: JSON.stringify(
      Object.fromEntries(codes.map((code) => [code, { baseUrl: 'http://127.0.0.1:9/ooapi/v5' }])),
    ),
    CATALOGUE_SYNC_INTERVAL_MS: String(24 * 3600 * 1000),
  };
}
