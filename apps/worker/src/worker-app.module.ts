import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreOptions } from '@lr/core';
import { WorkerModule } from './worker.module';

@Module({})
export class WorkerAppModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(options), WorkerModule] };
  }
}
