import { TokenService } from '@lr/auth';
import type { AppConfig } from '@lr/config';
import type { PersonEntity } from '@lr/database';
import type { Actor } from '@lr/domain';

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
 * Bearer tokens for the people the benchmark simulates, signed by the product's own TokenService with the
 * processes' secret and issuer, so the API accepts them exactly as it accepts a real sign-in. One token per
 * person, made once: signing is not what the benchmark measures.
 */
export class BearerTokens {
  private readonly signer: TokenService;
  private readonly tokens = new Map<string, string>();

  constructor(config: AppConfig) {
    this.signer = new TokenService(config);
  }

  for(actor: Actor): string {
    let token = this.tokens.get(actor.id);
    if (!token) {
      token = this.signer.sign(actor);
      this.tokens.set(actor.id, token);
    }
    return token;
  }
}
