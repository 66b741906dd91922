import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { dataSourceOptions } from './data-source.options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        // Fail fast with one clear line at start-up instead of retrying for half a minute.
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
