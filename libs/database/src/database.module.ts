import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadSuiteConfig } from '@tianping/common';
import { openAppDatabase } from './data-source.factory';

export interface DatabaseModuleOptions {
  schema: string;
  createDataSource: (url: string) => DataSource;
}

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the app's DataSource, migrated to the latest schema before anything uses it. */
@Global()
@Module({})
export class DatabaseModule {
  static forApp(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => openAppDatabase(options.createDataSource(loadSuiteConfig().databaseUrl), options.schema),
        },
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}
