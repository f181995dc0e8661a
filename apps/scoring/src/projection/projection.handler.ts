import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects, STREAMS } from '@tianping/contracts';
import { NATS_CONNECTION, RoutedConsumers } from '@tianping/messaging';
import { ProjectionRepository } from './projection.repository';
import { appealCorrection, caseBatch, clueBatch, subjectBatch } from './projection.validator';

/**
 * Feeds scoring's read models from intake's events, one durable consumer per subject. Delivery is
 * at least once; every write is an idempotent, version-guarded upsert.
 */
@Injectable()
export class ProjectionHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: RoutedConsumers;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, projections: ProjectionRepository) {
    const stream = STREAMS.intake.name;
    this.consumers = new RoutedConsumers(
      nc,
      [
        { stream, durable: 'scoring-subjects', subject: IntakeSubjects.subjectsUpserted },
        { stream, durable: 'scoring-cases', subject: IntakeSubjects.casesUpserted },
        { stream, durable: 'scoring-clues', subject: IntakeSubjects.cluesUpserted },
      ],
      {
        [IntakeSubjects.subjectsUpserted]: (p) => projections.upsertSubjects(subjectBatch(p)),
        [IntakeSubjects.casesUpserted]: (p) => projections.upsertCases(caseBatch(p), appealCorrection(p)),
        [IntakeSubjects.cluesUpserted]: (p) => projections.upsertClues(clueBatch(p), appealCorrection(p)),
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
