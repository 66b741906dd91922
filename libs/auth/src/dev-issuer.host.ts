import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { PersonEntity } from '@lr/database';
import { InstitutionRegistry, StudentRegisterWriter } from '@lr/institutions';
import { DevIssuer } from './dev-issuer';
import { DevSignInDirectory } from './dev-realm';
import { clientIdOf } from './client-id';

/**
 * Starts the bundled development issuer with the app when development sign-in is on, and stops it after. Its
 * sign-in pages list this app's people and write the claims of their institution's mapping; a new student from
 * its form is entered in their institution's student register, under a new student number, as the
 * institution's administration would have entered them.
 */
@Injectable()
export class DevIssuerHost implements OnModuleInit, OnApplicationShutdown {
  private running?: DevIssuer;
  private readonly directory: DevSignInDirectory;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dataSource: DataSource,
    private readonly registry: InstitutionRegistry,
    writer: StudentRegisterWriter,
  ) {
    this.directory = {
      has: (realm) => registry.find(realm) !== undefined,
      institutionName: (realm) => registry.get(realm).name,
      programmes: (realm) =>
        registry.get(realm).programmes.map(({ code, name }) => ({ code, name })),
      people: (realm) =>
        dataSource.manager.find(PersonEntity, {
          where: { institutionCode: realm },
          order: { role: 'ASC', name: 'ASC' },
        }),
      claimsOf: (realm, person) => registry.get(realm).signIn.claims.claimsOf(person),
      register: async (realm, student) => {
        await writer.registerNew(realm, student.id, student.programmeCodes);
      },
    };
  }

  async onModuleInit(): Promise<void> {
    if (this.config.devTokensEnabled) {
      this.running = await DevIssuer.acquire(this.config.devIssuerPort, this.directory, {
        // The portal sends its ID token as bearer, so its client id is the audience the API checks.
        // A realm that is no institution of the app (a test's stand-in federation) keeps the default.
        clientIdOf: (realm) => {
          const institution = this.registry.find(realm);
          return institution ? clientIdOf(this.config, institution) : this.config.oidcAudience;
        },
        tokenTtlSeconds: this.config.devIssuerTokenTtlSeconds,
      });
    }
  }

  get issuer(): DevIssuer {
    if (!this.running) throw new Error('Development sign-in is off (DEV_TOKENS_ENABLED=false).');
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.running) {
      await DevIssuer.release(this.running, this.config.devIssuerPort, this.directory);
    }
    this.running = undefined;
  }
}
