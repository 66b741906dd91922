import { DevIssuer } from '@lr/auth';
import type { PersonEntity } from '@lr/database';
import type { Actor, Role } from '@lr/domain';
import { REGISTERED_INSTITUTIONS } from '@lr/institutions';

/** A person of the people table as the API sees them once signed in. */
export function actorOf(
  person: Pick<PersonEntity, 'id' | 'role' | 'institutionCode' | 'programmeCodes' | 'name'>,
): Actor {
  return {
    id: person.id,
    role: person.role,
    institutionCode: person.institutionCode,
    programmeCodes: person.programmeCodes,
    name: person.name,
  };
}

/**
 * The benchmark's stand-in for every institution's identity provider: a development issuer in this process,
 * which the API (in production mode, so without development sign-in) is told to trust through OIDC_ISSUERS.
 * Tokens carry each institution's own claims and are validated as a real sign-in's are. They are signed before
 * the load starts, one per person: signing is the identity provider's work, not what the benchmark measures.
 */
export class BenchSignIn {
  private readonly tokens = new Map<string, string>();

  private constructor(
    private readonly issuer: DevIssuer,
    private readonly audience: string,
  ) {}

  static async start(audience: string): Promise<BenchSignIn> {
    return new BenchSignIn(await DevIssuer.acquire(0), audience);
  }

  /** The API's OIDC_ISSUERS: each registered institution signs in at its realm of this issuer. */
  issuers(): string {
    return REGISTERED_INSTITUTIONS.map((i) => `${i.code}=${this.issuer.issuerOf(i.code)}`).join(
      ',',
    );
  }

  async prepare(actors: Iterable<Actor>): Promise<void> {
    for (const actor of actors) {
      if (this.tokens.has(actor.id)) continue;
      const institution = REGISTERED_INSTITUTIONS.find((i) => i.code === actor.institutionCode);
      if (!institution) throw new Error(`No registered institution ${actor.institutionCode}`);
      const claims = institution.signIn.claims.claimsOf({
        id: actor.id,
        role: actor.role as Role,
        name: actor.name,
        email: `${actor.id}@bench.invalid`,
        programmeCodes: actor.programmeCodes,
      });
      this.tokens.set(
        actor.id,
        await this.issuer.sign(actor.institutionCode, claims, { audience: this.audience }),
      );
    }
  }

  for(actor: Actor): string {
    const token = this.tokens.get(actor.id);
    if (!token) throw new Error(`No token was prepared for ${actor.id}`);
    return token;
  }

  stop(): Promise<void> {
    return DevIssuer.release(this.issuer, 0);
  }
}
