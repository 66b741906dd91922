import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { InstitutionRegistry, OoapiHosts } from '@lr/institutions';
import { TrustedIssuer, trustedIssuers } from './trusted-issuers';
import { verifyAtTrustedIssuer } from './verified-jwt';

/** The institution whose own system a machine token stands for, or why it was refused. */
export type MachineVerdict = { institutionCode: string } | { refused: string };

/**
 * Validates the access tokens institutions' own systems present when they call Leerroutes' OOAPI endpoints (a
 * machine, not a person): a JWT of the issuer the institution's connection names (its keys from discovery and
 * JWKS, cached and refetched as for sign-in), for Leerroutes' OOAPI audience, naming the institution's machine
 * client as client_id (RFC 9068), else azp or sub. A person's token, even one of the same issuer, names no such
 * client and is refused.
 */
@Injectable()
export class MachineTokenVerifier {
  private issuers?: Map<string, TrustedIssuer>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: InstitutionRegistry,
    private readonly ooapiHosts: OoapiHosts,
  ) {}

  async verify(token: string): Promise<MachineVerdict> {
    const verified = await verifyAtTrustedIssuer(token, this.trusted(), {
      untrusted: "its issuer is not one of an institution's system",
      audience: () => this.config.ooapiAudience,
      clockTolerance: this.config.oidcClockSkewSeconds,
      requiredClaims: ['exp'],
    });
    if ('refused' in verified) return verified;
    const { payload, trusted } = verified;
    const client = [payload.client_id, payload.azp, payload.sub].find(
      (claim): claim is string => typeof claim === 'string',
    );
    const institution = trusted.institutions.find(
      (i) =>
        client !== undefined && this.ooapiHosts.connection(i.code)?.callback.clientId === client,
    );
    return institution
      ? { institutionCode: institution.code }
      : { refused: "it names no institution's machine client of its issuer" };
  }

  /** Built on first use, as the sign-in verifier's. */
  private trusted(): Map<string, TrustedIssuer> {
    this.issuers ??= trustedIssuers(
      this.registry.all().filter((i) => this.ooapiHosts.takesPart(i.code)),
      this.config,
      (i) => this.ooapiHosts.connection(i.code)!.callback.issuer,
    );
    return this.issuers;
  }
}
