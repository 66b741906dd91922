import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonEntity } from '@lr/database';
import { Actor, NotFoundError } from '@lr/domain';
import { TokenService } from './token.service';

/** Issues tokens for seeded people, for local use and tests only (off unless DEV_TOKENS_ENABLED). */
@Injectable()
export class DevTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async people(): Promise<PersonEntity[]> {
    return this.dataSource.manager.find(PersonEntity, {
      order: { institutionCode: 'ASC', id: 'ASC' },
    });
  }

  async issue(personId: string): Promise<{ token: string; actor: Actor }> {
    const person = await this.dataSource.manager.findOneBy(PersonEntity, { id: personId });
    if (!person) throw new NotFoundError('person', personId);
    const actor: Actor = {
      id: person.id,
      role: person.role,
      institutionCode: person.institutionCode,
      programmeCodes: person.programmeCodes,
      name: person.name,
    };
    return { token: this.tokens.sign(actor), actor };
  }
}
