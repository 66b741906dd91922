import { AppConfig } from '@lr/config';

/**
 * Asks the running API for a development token: the bundled issuer lives in the API's process, which signs with
 * keys it made at start, so no other process can sign tokens the API accepts.
 */
export async function issueDevToken(config: AppConfig, personId: string): Promise<string> {
  const url = `http://${config.host}:${config.port}/dev/tokens`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId }),
    });
  } catch {
    throw new Error(`No API answers at ${url}; start the product first (npm start).`);
  }
  const body = (await response.json().catch(() => ({}))) as { token?: string; detail?: string };
  if (response.ok && body.token) return body.token;
  // An unknown person is a 404 that names them; a 404 that does not means the route is not mounted.
  if (response.status === 404 && !body.detail?.includes(personId)) {
    throw new Error('The API has development sign-in off (DEV_TOKENS_ENABLED=false).');
  }
  throw new Error(body.detail ?? `The API answered ${response.status}.`);
}
