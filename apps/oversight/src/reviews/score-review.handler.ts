import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { ScoringSubjects, STREAMS, type ScoresComputed } from '@tianping/contracts';
import { NATS_CONNECTION, PoisonMessage, RoutedConsumers } from '@tianping/messaging';
import { InvalidEvent, scoringEventEntries } from '../record/scoring-events.mapper';
import { AppealRescoreService } from './appeal-rescore.service';
import { ColourDecisionsRepository } from './colour-decisions.repository';
import { ColourDecisionsService } from './colour-decisions.service';

/**
 * Follows scoring's scores for review: keeps each enterprise's current score, opens a confirmation
 * for each red, carries earlier decisions over to identical results, and closes appeals whose data
 * correction has been re-scored. One transaction per message; redelivery changes nothing.
 */
@Injectable()
export class ScoreReviewHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: RoutedConsumers;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    repository: ColourDecisionsRepository,
    decisions: ColourDecisionsService,
    appeals: AppealRescoreService,
  ) {
    this.consumers = new RoutedConsumers(nc, [{ stream: STREAMS.scoring.name, durable: 'oversight-reviews', subject: ScoringSubjects.scoresComputed }], {
      [ScoringSubjects.scoresComputed]: async (payload) => {
        const event = validScores(payload);
        await repository.transaction(async (m) => {
          const current = await decisions.onScores(m, event.scores);
          await appeals.onRescored(m, current);
        });
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumers.stop();
  }
}

/** The same contract check the record applies to these events. */
function validScores(payload: unknown): ScoresComputed {
  try {
    scoringEventEntries(ScoringSubjects.scoresComputed, payload);
  } catch (error) {
    if (error instanceof InvalidEvent) throw new PoisonMessage(error.message);
    throw error;
  }
  return payload as ScoresComputed;
}
