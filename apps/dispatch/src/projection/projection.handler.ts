import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects, OversightSubjects, ScoringSubjects, STREAMS } from '@tianping/contracts';
import { NATS_CONNECTION, RoutedConsumers } from '@tianping/messaging';
import { ProjectionRepository } from './projection.repository';
import { caseBatch, clueBatch, colourDecision, modelSuspension, officerBatch, scoreBatch, subjectBatch } from './projection.validator';

/**
 * Feeds dispatch's read models from intake, scoring and oversight events, one durable consumer per
 * subject. Delivery is at least once; every write is an idempotent, version-guarded upsert.
 */
@Injectable()
export class ProjectionHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: RoutedConsumers;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, projections: ProjectionRepository) {
    this.consumers = new RoutedConsumers(
      nc,
      [
        { stream: STREAMS.intake.name, durable: 'dispatch-subjects', subject: IntakeSubjects.subjectsUpserted },
        { stream: STREAMS.intake.name, durable: 'dispatch-officers', subject: IntakeSubjects.officersUpserted },
        { stream: STREAMS.intake.name, durable: 'dispatch-cases', subject: IntakeSubjects.casesUpserted },
        { stream: STREAMS.intake.name, durable: 'dispatch-clues', subject: IntakeSubjects.cluesUpserted },
        { stream: STREAMS.scoring.name, durable: 'dispatch-scores', subject: ScoringSubjects.scoresComputed },
        { stream: STREAMS.oversight.name, durable: 'dispatch-model-suspended', subject: OversightSubjects.modelSuspended },
        { stream: STREAMS.oversight.name, durable: 'dispatch-model-resumed', subject: OversightSubjects.modelResumed },
        { stream: STREAMS.oversight.name, durable: 'dispatch-colour-decisions', subject: OversightSubjects.colourDecided },
      ],
      {
        [IntakeSubjects.subjectsUpserted]: (p) => projections.upsertEnterprises(subjectBatch(p)),
        [IntakeSubjects.officersUpserted]: (p, { publishedNanos }) => projections.upsertOfficers(officerBatch(p), publishedNanos),
        [IntakeSubjects.casesUpserted]: (p) => projections.upsertCases(caseBatch(p)),
        [IntakeSubjects.cluesUpserted]: (p) => projections.upsertComplaints(clueBatch(p)),
        [ScoringSubjects.scoresComputed]: (p) => projections.upsertScores(scoreBatch(p)),
        [OversightSubjects.modelSuspended]: (p) => projections.setModelState(modelSuspension(p)),
        [OversightSubjects.modelResumed]: (p) => projections.setModelState(modelSuspension(p)),
        [OversightSubjects.colourDecided]: (p) => projections.upsertColourDecision(colourDecision(p)),
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
