import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { OversightSubjects, STREAMS } from '@tianping/contracts';
import { DurableConsumer, NATS_CONNECTION, parsePayload } from '@tianping/messaging';
import { appealDecided } from './appeal-decided.validator';
import { CorrectionsService } from './corrections.service';

/**
 * Appeal decisions from oversight: their record corrections come back through intake. Delivery is
 * at least once; a redelivered decision applies nothing twice. One that cannot be read goes to the
 * dead letters.
 */
@Injectable()
export class CorrectionsHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CorrectionsHandler.name);
  private consumer?: DurableConsumer;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly corrections: CorrectionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new DurableConsumer(this.nc, {
      stream: STREAMS.oversight.name,
      durable: 'intake-appeal-corrections',
      filterSubject: OversightSubjects.appealDecided,
      handle: async (msg) => {
        const decided = appealDecided(parsePayload(msg.data));
        if (decided.corrections.length === 0) return; // upheld or overridden without data corrections: nothing for intake
        const counts = await this.corrections.apply(decided);
        if (counts.stored > 0) this.logger.log(`appeal ${decided.appealId}: ${counts.applied} corrections applied, ${counts.notApplicable} not applicable`);
      },
    });
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
