import type { AppConfig } from '@lr/config';
import type { InstitutionDefinition } from '@lr/institutions';

/** The deployment's client id for the institution: OIDC_CLIENT_IDS, else its module's, else OIDC_AUDIENCE. */
export function clientIdOf(config: AppConfig, institution: InstitutionDefinition): string {
  return (
    config.oidcClientIds[institution.code] ?? institution.signIn.clientId ?? config.oidcAudience
  );
}
