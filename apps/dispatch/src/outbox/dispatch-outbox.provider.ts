import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION, OutboxRelay } from '@tianping/messaging';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';

/** Publishes dispatch's committed events; on shutdown it publishes what is left before NATS closes. */
@Injectable()
export class DispatchOutbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(NATS_CONNECTION) nc: NatsConnection) {
    this.relay = new OutboxRelay(dataSource, DISPATCH_SCHEMA, nc);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
