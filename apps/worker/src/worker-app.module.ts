import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreOptions } from '@lr/core';
import { JobsModule } from '@lr/jobs';

@Module({})
export class WorkerAppModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(options), JobsModule] };
  }
}
