import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { loadSuiteConfig } from '@tianping/common';
import { connectNats, ensureStreams } from './nats.connection';
import { retryWhileNatsAway } from './nats-startup.util';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

class NatsCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}

/** One NATS connection per app, with the suite's JetStream streams in place. */
@Global()
@Module({})
export class NatsModule {
  static forApp(name: string): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: async () => {
            const nc = await connectNats(loadSuiteConfig().natsUrl, name, { waitOnFirstConnect: true });
            const logger = new Logger('NatsModule');
            await retryWhileNatsAway(() => ensureStreams(nc), {
              onRetry: (error) => logger.warn(`NATS not answering yet (${(error as Error).message}): waiting`),
            });
            return nc;
          },
        },
        NatsCloser,
      ],
      exports: [NATS_CONNECTION],
    };
  }
}
