import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects, OversightSubjects, ScoringSubjects, STREAMS } from '@tianping/contracts';
import { DurableConsumer, NATS_CONNECTION, PoisonMessage } from '@tianping/messaging';
import { ProjectionRepository } from './projection.repository';
import { caseBatch, clueBatch, modelSuspension, officerBatch, parseJson, scoreBatch, subjectBatch } from './projection.validator';

/**
 * Feeds dispatch's read models from intake, scoring and oversight events, one durable consumer per
 * subject. Delivery is at least once; every write is an idempotent, version-guarded upsert.
 */
@Injectable()
export class ProjectionHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: DurableConsumer[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly projections: ProjectionRepository,
  ) {}

  private readonly routes: Record<string, (payload: unknown) => Promise<void>> = {
    [IntakeSubjects.subjectsUpserted]: (p) => this.projections.upsertEnterprises(subjectBatch(p)),
    [IntakeSubjects.officersUpserted]: (p) => this.projections.upsertOfficers(officerBatch(p)),
    [IntakeSubjects.casesUpserted]: (p) => this.projections.upsertCases(caseBatch(p)),
    [IntakeSubjects.cluesUpserted]: (p) => this.projections.upsertComplaints(clueBatch(p)),
    [ScoringSubjects.scoresComputed]: (p) => this.projections.upsertScores(scoreBatch(p)),
    [OversightSubjects.modelSuspended]: (p) => this.projections.setModelState(modelSuspension(p)),
    [OversightSubjects.modelResumed]: (p) => this.projections.setModelState(modelSuspension(p)),
  };

  /** One durable consumer per subject (a consumer takes one filter); each subject keeps its own order. */
  async onApplicationBootstrap(): Promise<void> {
    const subscriptions: [string, string, string][] = [
      [STREAMS.intake.name, 'dispatch-subjects', IntakeSubjects.subjectsUpserted],
      [STREAMS.intake.name, 'dispatch-officers', IntakeSubjects.officersUpserted],
      [STREAMS.intake.name, 'dispatch-cases', IntakeSubjects.casesUpserted],
      [STREAMS.intake.name, 'dispatch-clues', IntakeSubjects.cluesUpserted],
      [STREAMS.scoring.name, 'dispatch-scores', ScoringSubjects.scoresComputed],
      [STREAMS.oversight.name, 'dispatch-model-suspended', OversightSubjects.modelSuspended],
      [STREAMS.oversight.name, 'dispatch-model-resumed', OversightSubjects.modelResumed],
    ];
    for (const [stream, durable, filterSubject] of subscriptions) {
      const consumer = new DurableConsumer(this.nc, { stream, durable, filterSubject, handle: (msg) => this.handle(msg) });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    const route = this.routes[msg.subject];
    if (!route) throw new PoisonMessage(`no projection for ${msg.subject}`);
    await route(parseJson(msg.data));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
