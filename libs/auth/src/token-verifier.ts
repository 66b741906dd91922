import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { Actor, NoRoleError } from '@lr/domain';
import { InstitutionDefinition, InstitutionRegistry } from '@lr/institutions';
import { SignInSettings } from './sign-in-settings';
import { TrustedIssuer, trustedIssuers } from './trusted-issuers';
import { verifyAtTrustedIssuer } from './verified-jwt';

/**
 * The actor a token stands for (with what sign-in records of them), why it was refused (said to the caller, as
 * RFC 6750 allows), or that it is a valid token of one of our institutions that grants no role here.
 */
export type Verdict =
  | { actor: Actor; email: string; /** Seconds since the epoch. */ expiresAt: number }
  | { refused: string }
  | { noRole: NoRoleError };

/**
 * The actor of a verdict still being reached, or undefined for a refused token and for an issuer that could not
 * be asked: for callers that only need to know whether someone is signed in, not why not.
 */
export async function actorOf(verdict: Promise<Verdict>): Promise<Actor | undefined> {
  const reached = await verdict.catch(() => undefined);
  return reached && 'actor' in reached ? reached.actor : undefined;
}

type Accepted = Extract<Verdict, { actor: Actor }>;

/** Tokens whose acceptance is kept: enough for every person signed in at once on a busy morning. */
const KEPT_VERDICTS = 50_000;

/**
 * Validates bearer tokens as OpenID Connect tokens of the registered institutions' issuers: the signature against
 * the issuer's published keys, then iss, aud, exp and nbf (with a small allowance for clock skew), then the
 * claims through the institution's own mapping. A token that passes all but names an institution that does not
 * sign in through that issuer is refused too: one institution's provider cannot speak for another's people.
 *
 * A token is checked once: its acceptance is kept (by the token's SHA-256, never the token itself) for as long as
 * the check would accept it again, up to `exp` plus the clock skew allowed, since nothing in a signed token can
 * change meanwhile. A signature check is most of the CPU an authenticated call costs. Refusals are not kept: they
 * are cheap to repeat, and one kept could outlive a key the issuer publishes late.
 */
@Injectable()
export class TokenVerifier {
  private issuers?: Map<string, TrustedIssuer>;
  private readonly accepted = new LRUCache<string, Accepted>({ max: KEPT_VERDICTS });
  /** Tokens checked in full (signature and claims): the cache's measure, for tests and benchmarks. */
  checked = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: InstitutionRegistry,
    private readonly settings: SignInSettings,
  ) {}

  async verify(token: string): Promise<Verdict> {
    const key = createHash('sha256').update(token).digest('base64url');
    const kept = this.accepted.get(key);
    if (kept) return kept;
    const verdict = await this.check(token);
    if ('actor' in verdict) {
      const ttl = (verdict.expiresAt + this.config.oidcClockSkewSeconds) * 1000 - Date.now();
      // Frozen: every call with this token shares the one actor.
      if (ttl > 0) this.accepted.set(key, freeze(verdict), { ttl });
    }
    return verdict;
  }

  private async check(token: string): Promise<Verdict> {
    this.checked += 1;
    const verified = await verifyAtTrustedIssuer(token, this.trusted(), {
      untrusted: 'its issuer is not one this service trusts',
      // Any client id of the institutions at this issuer; the one the token names must match below.
      audience: (trusted) => trusted.institutions.map((i) => this.settings.of(i).clientId),
      clockTolerance: this.config.oidcClockSkewSeconds,
      requiredClaims: ['exp', 'sub'],
    });
    if ('refused' in verified) return verified;
    const { payload, trusted } = verified;
    let withoutRole: InstitutionDefinition | undefined;
    for (const institution of trusted.institutions) {
      // Issued to another institution's client at a shared issuer: not this institution's token.
      if (!audiences(payload.aud).includes(this.settings.of(institution).clientId)) continue;
      const person = institution.signIn.claims.toPerson(payload);
      if (person) {
        const { id, role, name, email, programmeCodes } = person;
        return {
          actor: { id, role, name, programmeCodes, institutionCode: institution.code },
          email,
          expiresAt: payload.exp!,
        };
      }
      if (institution.signIn.claims.names(payload)) withoutRole ??= institution;
    }
    // Who they are is certain, only not what they may do here: a refusal (403) that says what to ask for.
    if (withoutRole) {
      const { organisation, roleGrant } = withoutRole.signIn.claims;
      return { noRole: new NoRoleError(organisation, roleGrant) };
    }
    return { refused: 'it names no person of an institution that signs in through its issuer' };
  }

  /** Built on first use: the development issuer has started by then. */
  private trusted(): Map<string, TrustedIssuer> {
    this.issuers ??= trustedIssuers(this.registry.all(), this.config, (institution) =>
      this.settings.issuerOf(institution),
    );
    return this.issuers;
  }
}

function audiences(aud: string | string[] | undefined): string[] {
  return typeof aud === 'string' ? [aud] : (aud ?? []);
}

function freeze(verdict: Accepted): Accepted {
  Object.freeze(verdict.actor.programmeCodes);
  Object.freeze(verdict.actor);
  return Object.freeze(verdict);
}
