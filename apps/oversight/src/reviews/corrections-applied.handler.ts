import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects, STREAMS } from '@tianping/contracts';
import { NATS_CONNECTION, PoisonMessage, RoutedConsumers } from '@tianping/messaging';
import { AppealRescoreService } from './appeal-rescore.service';
import { correctionsApplied } from './corrections-applied.validator';

/**
 * Intake's acknowledgements of appeal corrections (durable, at least once): each adds the
 * `corrections-applied` step to its appeal and decides how the appeal closes. One for an appeal
 * oversight does not hold, or naming another enterprise, goes to the dead letters.
 */
@Injectable()
export class CorrectionsAppliedHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CorrectionsAppliedHandler.name);
  private readonly consumers: RoutedConsumers;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, rescore: AppealRescoreService) {
    this.consumers = new RoutedConsumers(
      nc,
      [{ stream: STREAMS.intake.name, durable: 'oversight-appeal-corrections', subject: IntakeSubjects.correctionsApplied }],
      {
        [IntakeSubjects.correctionsApplied]: async (payload) => {
          const ack = correctionsApplied(payload);
          const outcome = await rescore.onCorrectionsApplied(ack);
          if (outcome === 'unknown-appeal') throw new PoisonMessage(`corrections applied: no appeal ${ack.appealId}`);
          if (outcome === 'other-enterprise') throw new PoisonMessage(`corrections applied: appeal ${ack.appealId} is not about ${ack.creditCode}`);
          if (outcome === 'recorded') this.logger.log(`appeal ${ack.appealId}: intake acknowledged ${ack.verdicts.length} corrections`);
        },
      },
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumers.stop();
  }
}
