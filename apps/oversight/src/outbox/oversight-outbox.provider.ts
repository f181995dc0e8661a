import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION, OutboxRelay } from '@tianping/messaging';
import { OVERSIGHT_SCHEMA } from '../database/oversight.data-source';

/**
 * Publishes oversight's committed events (kill switch). Rows written by the CLI, which has no NATS,
 * go out with the running service's next tick; on shutdown it publishes what is left before NATS closes.
 */
@Injectable()
export class OversightOutbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(NATS_CONNECTION) nc: NatsConnection) {
    this.relay = new OutboxRelay(dataSource, OVERSIGHT_SCHEMA, nc);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
