import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects, STREAMS } from '@tianping/contracts';
import { DurableConsumer, NATS_CONNECTION, PoisonMessage } from '@tianping/messaging';
import { ProjectionRepository } from './projection.repository';
import { caseBatch, clueBatch, parseJson, subjectBatch } from './projection.validator';

/**
 * Feeds scoring's read models from intake's events, one durable consumer per subject. Delivery is
 * at least once; every write is an idempotent, version-guarded upsert.
 */
@Injectable()
export class ProjectionHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: DurableConsumer[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly projections: ProjectionRepository,
  ) {}

  private readonly routes: Record<string, (payload: unknown) => Promise<void>> = {
    [IntakeSubjects.subjectsUpserted]: (p) => this.projections.upsertSubjects(subjectBatch(p)),
    [IntakeSubjects.casesUpserted]: (p) => this.projections.upsertCases(caseBatch(p)),
    [IntakeSubjects.cluesUpserted]: (p) => this.projections.upsertClues(clueBatch(p)),
  };

  async onApplicationBootstrap(): Promise<void> {
    const subscriptions: [string, string][] = [
      ['scoring-subjects', IntakeSubjects.subjectsUpserted],
      ['scoring-cases', IntakeSubjects.casesUpserted],
      ['scoring-clues', IntakeSubjects.cluesUpserted],
    ];
    for (const [durable, filterSubject] of subscriptions) {
      const consumer = new DurableConsumer(this.nc, { stream: STREAMS.intake.name, durable, filterSubject, handle: (msg) => this.handle(msg) });
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
