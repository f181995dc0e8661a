import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects, STREAMS } from '@tianping/contracts';
import { DurableConsumer, NATS_CONNECTION } from '@tianping/messaging';
import { IngestService } from './ingest.service';

/**
 * Platform B pushes clues one by one or in batches. Each message is taken whole: a broken one is
 * quarantined like a broken file line, never dropped. Redelivery is harmless: writes are upserts.
 */
@Injectable()
export class ClueInboxHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly ingest: IngestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new DurableConsumer(this.nc, {
      stream: STREAMS.inbox.name,
      durable: 'intake-clues',
      filterSubject: IntakeSubjects.cluesPush,
      handle: async (msg) => {
        await this.ingest.ingestClues(new TextDecoder().decode(msg.data), `nats:${msg.subject}#${msg.seq}`);
      },
    });
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
