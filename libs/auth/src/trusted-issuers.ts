import { JWTVerifyGetKey, createRemoteJWKSet } from 'jose';
import type { AppConfig } from '@lr/config';
import type { InstitutionDefinition } from '@lr/institutions';

/** An issuer this deployment accepts, the institutions that sign in through it, and its keys. */
export interface TrustedIssuer {
  issuer: string;
  institutions: InstitutionDefinition[];
  keys: JWTVerifyGetKey;
}

/** The issuer could not be asked for its keys: not the token's fault, so not a 401. */
export class IssuerUnreachableError extends Error {}

/**
 * The issuers of the registered institutions, keyed by issuer identifier. Several institutions may share one
 * (SURFconext signs for most Dutch institutions); their claim mappings tell them apart. With development sign-in
 * every institution's issuer is replaced by its realm at the bundled issuer.
 */
export function trustedIssuers(
  institutions: InstitutionDefinition[],
  config: AppConfig,
  issuerOf: (institution: InstitutionDefinition) => string,
): Map<string, TrustedIssuer> {
  const byIssuer = new Map<string, TrustedIssuer>();
  for (const institution of institutions) {
    const issuer = issuerOf(institution);
    const known = byIssuer.get(issuer);
    if (known) known.institutions.push(institution);
    else
      byIssuer.set(issuer, {
        issuer,
        institutions: [institution],
        keys: discoveredKeys(issuer, config),
      });
  }
  return byIssuer;
}

/**
 * The issuer's keys as its discovery document points to them. jose's remote key set caches them, refetches when
 * a token names a key it has not seen (the issuer rotated) but at most once per cooldown, so that tokens with
 * made-up key ids cannot make us hammer the issuer.
 */
function discoveredKeys(issuer: string, config: AppConfig): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const jwksUri = await discoverJwksUri(issuer, config.oidcJwksTimeoutMs);
    return createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: config.oidcJwksTimeoutMs,
      cooldownDuration: config.oidcJwksCooldownMs,
    });
  };
  return async (header, token) => {
    keySet ??= load();
    try {
      return await (
        await keySet
      )(header, token);
    } catch (error) {
      // A failed discovery is tried again with the next token rather than remembered.
      if (error instanceof IssuerUnreachableError) keySet = undefined;
      throw error;
    }
  };
}

async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<string> {
  const url = `${issuer}/.well-known/openid-configuration`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
    if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
      throw new Error('the document does not describe this issuer');
    }
    return document.jwks_uri;
  } catch (error) {
    throw new IssuerUnreachableError(
      `The discovery document of ${issuer} could not be read: ${(error as Error).message}`,
    );
  }
}
