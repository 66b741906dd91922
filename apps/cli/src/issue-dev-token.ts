import { DataSource } from 'typeorm';
import { DevTokensService, TokenService } from '@lr/auth';
import { AppConfig } from '@lr/config';

/** The same signing as the API's development sign-in, without starting Nest. */
export async function issueDevToken(
  dataSource: DataSource,
  config: AppConfig,
  personId: string,
): Promise<string> {
  if (!config.devTokensEnabled) {
    throw new Error(
      'Development tokens are off; set DEV_TOKENS_ENABLED=true (never in production).',
    );
  }
  const service = new DevTokensService(dataSource, new TokenService(config));
  return (await service.issue(personId)).token;
}
