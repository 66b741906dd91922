import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { InstitutionDefinition, InstitutionRegistry } from '@lr/institutions';
import { DevIssuerHost } from './dev-issuer.host';
import { clientIdOf } from './client-id';

/** What the portal asks for when an institution's module names no scopes of its own. */
export const DEFAULT_SCOPES = ['openid', 'profile', 'email'];

/** How the portal signs an institution's people in: where, as which client, asking for what. */
export interface InstitutionSignIn {
  issuer: string;
  /** The portal's client id there, and so the audience of the ID tokens the API accepts for the institution. */
  clientId: string;
  scopes: string[];
  /** Claims to ask for in the ID token with the claims request parameter; none asks for nothing extra. */
  idTokenClaims: string[];
}

/**
 * Each institution's sign-in as this deployment has it: the module's definition, with the deployment's
 * overrides (OIDC_ISSUERS, OIDC_CLIENT_IDS), and with development sign-in every issuer replaced by the
 * institution's realm at the bundled issuer.
 */
@Injectable()
export class SignInSettings {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: InstitutionRegistry,
    private readonly devIssuer: DevIssuerHost,
  ) {
    for (const [variable, overrides] of [
      ['OIDC_ISSUERS', config.oidcIssuers],
      ['OIDC_CLIENT_IDS', config.oidcClientIds],
    ] as const) {
      const unknown = Object.keys(overrides).filter((code) => !registry.find(code));
      if (unknown.length > 0) {
        throw new Error(
          `${variable} names institutions this deployment does not have: ${unknown.join(', ')}`,
        );
      }
    }
  }

  of(institution: InstitutionDefinition): InstitutionSignIn {
    return {
      issuer: this.issuerOf(institution),
      clientId: clientIdOf(this.config, institution),
      scopes: institution.signIn.scopes ?? DEFAULT_SCOPES,
      idTokenClaims: institution.signIn.claims.idTokenClaims ?? [],
    };
  }

  /** Where an institution's people sign in: its realm at the development issuer, or its own provider. */
  issuerOf(institution: InstitutionDefinition): string {
    return this.config.devTokensEnabled
      ? this.devIssuer.issuer.issuerOf(institution.code)
      : (this.config.oidcIssuers[institution.code] ?? institution.signIn.issuer);
  }

  /**
   * The origins of every issuer, which the portal's pages may connect to (discovery, token exchange). An
   * issuer's token endpoint lies on its own origin at SURFconext, eduID and Entra ID alike.
   */
  issuerOrigins(): string[] {
    return [...new Set(this.registry.all().map((i) => new URL(this.issuerOf(i)).origin))];
  }
}
