import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { decodeJson, DurableConsumer, NATS_CONNECTION, PoisonMessage } from '@tianping/messaging';
import { AuditLogService } from './audit-log.service';
import { InvalidEvent, scoringEventEntries } from './scoring-events.mapper';

/**
 * Logs every score (with its explanation), model version and colour policy change scoring publishes.
 * A message is logged in one transaction; redelivery appends nothing, as entries are keyed by
 * score id or content. Dispatch draws and oversight's own decisions get their own handlers later.
 */
@Injectable()
export class ScoringRecordHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly log: AuditLogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new DurableConsumer(this.nc, {
      stream: STREAMS.scoring.name,
      durable: 'oversight-record',
      // All of scoring: a subject the record cannot map goes to the dead letters, visible, not skipped.
      filterSubject: STREAMS.scoring.subjects[0],
      handle: async (msg) => {
        let drafts;
        try {
          drafts = scoringEventEntries(msg.subject, decodeJson(msg.data));
        } catch (error) {
          if (error instanceof InvalidEvent || error instanceof SyntaxError) throw new PoisonMessage(error.message);
          throw error;
        }
        await this.log.appendBatch(drafts);
      },
    });
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
