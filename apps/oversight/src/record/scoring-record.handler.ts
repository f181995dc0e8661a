import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { decodeJson, DurableConsumer, NATS_CONNECTION, PoisonMessage } from '@tianping/messaging';
import { AuditLogService } from './audit-log.service';
import type { EntryDraft } from './audit-record.util';
import { dispatchEventEntries } from './dispatch-events.mapper';
import { InvalidEvent, scoringEventEntries } from './scoring-events.mapper';

/** Each stream the record logs, with the mapping from its events to entries. */
const RECORDED_STREAMS: {
  stream: { name: string; subjects: readonly string[] };
  durable: string;
  entries: (subject: string, payload: unknown) => EntryDraft[];
}[] = [
  { stream: STREAMS.scoring, durable: 'oversight-record', entries: scoringEventEntries },
  { stream: STREAMS.dispatch, durable: 'oversight-record-dispatch', entries: dispatchEventEntries },
];

/**
 * Logs every score (with its explanation), model version and colour policy change scoring publishes,
 * and every draw, plan and visit result dispatch publishes. A message is logged in one transaction;
 * redelivery appends nothing, as entries are keyed by id or content. A subject the record cannot
 * map goes to the dead letters, visible, not skipped.
 */
@Injectable()
export class ScoringRecordHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: DurableConsumer[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly log: AuditLogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const recorded of RECORDED_STREAMS) {
      const consumer = new DurableConsumer(this.nc, {
        stream: recorded.stream.name,
        durable: recorded.durable,
        filterSubject: recorded.stream.subjects[0],
        handle: async (msg) => {
          let drafts;
          try {
            drafts = recorded.entries(msg.subject, decodeJson(msg.data));
          } catch (error) {
            if (error instanceof InvalidEvent || error instanceof SyntaxError) throw new PoisonMessage(error.message);
            throw error;
          }
          await this.log.appendBatch(drafts);
        },
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
