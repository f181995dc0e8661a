import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION, OutboxRelay } from '@tianping/messaging';
import { SCORING_SCHEMA } from '../database/scoring.data-source';

/** Publishes scoring's committed model and colour-policy events; on shutdown it publishes what is left. */
@Injectable()
export class ScoringOutbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(DataSource) dataSource: DataSource, @Inject(NATS_CONNECTION) nc: NatsConnection) {
    this.relay = new OutboxRelay(dataSource, SCORING_SCHEMA, nc);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
