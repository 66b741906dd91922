import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { PersonEntity } from '@lr/database';
import { Actor, DomainError, NotFoundError } from '@lr/domain';
import { InstitutionRegistry, SignedInPerson } from '@lr/institutions';
import { DevIssuerHost } from './dev-issuer.host';
import { clientIdOf } from './client-id';
import { TokenVerifier } from './token-verifier';

/**
 * Development sign-in for the seeded people (off unless DEV_TOKENS_ENABLED): the bundled issuer signs the claims
 * the person's own institution would send, in that institution's format, so the token takes the same path
 * through validation and claim mapping as a real sign-in.
 */
@Injectable()
export class DevTokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly registry: InstitutionRegistry,
    private readonly devIssuer: DevIssuerHost,
    private readonly verifier: TokenVerifier,
  ) {}

  async people(): Promise<PersonEntity[]> {
    return this.dataSource.manager.find(PersonEntity, {
      order: { institutionCode: 'ASC', id: 'ASC' },
    });
  }

  /** The token, its issuer, and the actor the API makes of it (read back through the normal validation). */
  async issue(personId: string): Promise<{ token: string; issuer: string; actor: Actor }> {
    const found = await this.dataSource.manager.find(PersonEntity, {
      where: { id: personId },
      take: 2,
    });
    if (found.length === 0) throw new NotFoundError('person', personId);
    // A subject is unique only within its institution (PersonKey); the demo people's are unique overall.
    if (found.length > 1) {
      throw new DomainError(
        'PERSON.AMBIGUOUS',
        `More than one institution has a person ${personId}.`,
      );
    }
    return this.issueFor(found[0].institutionCode, found[0]);
  }

  /**
   * A token for a person as their institution's identity provider would describe them, whether or not the
   * people table holds them (tests sign in people the seeds do not have).
   */
  async issueFor(
    institutionCode: string,
    person: SignedInPerson,
  ): Promise<{ token: string; issuer: string; actor: Actor }> {
    const institution = this.registry.get(institutionCode);
    const issuer = this.devIssuer.issuer;
    const token = await issuer.sign(institutionCode, institution.signIn.claims.claimsOf(person), {
      audience: clientIdOf(this.config, institution),
    });
    const verdict = await this.verifier.verify(token);
    if (!('actor' in verdict)) {
      const why = 'refused' in verdict ? verdict.refused : verdict.noRole.message;
      throw new Error(`The development token for ${person.id} was refused: ${why}`);
    }
    return { token, issuer: issuer.issuerOf(institutionCode), actor: verdict.actor };
  }
}
