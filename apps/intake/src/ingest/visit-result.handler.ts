import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, Inject } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DispatchSubjects, STREAMS, type VisitResultRecorded } from '@tianping/contracts';
import { DurableConsumer, NATS_CONNECTION, parsePayload, PoisonMessage } from '@tianping/messaging';
import { validateRaw } from '@tianping/intake-core';
import type { AnyOutcome } from './batch-writer';
import { IngestService } from './ingest.service';
import { visitResultSource } from './record-maker.util';
import { visitResultToCases } from './visit-result.mapper';

/** Results officers record on a joint visit come back as inspection cases; a bad one is quarantined. */
@Injectable()
export class VisitResultHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly ingest: IngestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new DurableConsumer(this.nc, {
      stream: STREAMS.dispatch.name,
      durable: 'intake-visit-results',
      filterSubject: DispatchSubjects.visitResultRecorded,
      handle: async (msg) => {
        const event = parsePayload(msg.data) as VisitResultRecorded;
        if (!event?.visitId || !Array.isArray(event.items) || !Array.isArray(event.officerIds))
          throw new PoisonMessage('visit result lacks visitId, items or officerIds');
        // Tianping's own cases: they may also say 整改复查, which no platform row may.
        const ctx = { now: new Date(), madeBy: 'tianping' as const };
        const outcomes: AnyOutcome[] = visitResultToCases(event).map((raw, i) => {
          const checked = validateRaw('cases', raw, ctx);
          return checked.ok ? { ok: true, line: i + 1, record: checked.record, raw } : { ok: false, line: i + 1, reasons: checked.reasons, raw };
        });
        await this.ingest.ingestOutcomes('cases', outcomes, visitResultSource(event.visitId));
      },
    });
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
