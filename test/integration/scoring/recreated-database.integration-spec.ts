import { NestFactory } from '@nestjs/core';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ScoringSubjects, STREAMS } from '@tianping/contracts';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';
import { ScoringCoreModule } from '../../../apps/scoring/src/scoring.module';
import { ScorePublisher, SCORES_PER_MESSAGE } from '../../../apps/scoring/src/scores/score-publisher';
import { ScoringService } from '../../../apps/scoring/src/scores/scoring.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import { activateWithoutOversight, loadProjections, oneCandidateSpec } from '../../../tools/bench/scoring.bench';

const AS_OF = '2026-06-30';

/**
 * A database made anew (the demo on a new database, a test, a restore) numbers its score runs and
 * scores from 1 again. Within JetStream's duplicate window the same NATS must still take its shards and
 * its scores: message ids that named only the run or the scores were dropped as repeats, and the run
 * waited for ever on a shard that never came.
 */
describe('scoring on a database made anew, beside the same NATS', () => {
  let nats: TestNats;
  let client: NatsConnection;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    nats = await startTestNats();
    client = await connect({ servers: nats.url });
  });

  afterAll(async () => {
    await client?.close();
    await nats?.stop();
    for (const db of databases) await db.drop();
  });

  /** One database's first full run, scored in this process, and its scores published. */
  const firstRunOnNewDatabase = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    const app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
    try {
      await loadProjections(app.get(DataSource), 600);
      const trained = await app.get(TrainingService).train({ asOf: AS_OF, seed: 1, createdBy: 'test', spec: oneCandidateSpec() });
      await activateWithoutOversight(app, trained.model.version, 'test');
      const run = await app.get(ScoringService).scoreAll(AS_OF, { shards: 2 });
      const published = await app.get(ScorePublisher).drain();
      return { run, published };
    } finally {
      await app.close();
    }
  };
  /** Score batches on the stream: messages on the scores subject only, not the other scoring events. */
  const scoresOnStream = async () => {
    const info = await (await jetstreamManager(client)).streams.info(STREAMS.scoring.name, { subjects_filter: ScoringSubjects.scoresComputed });
    return info.state.subjects?.[ScoringSubjects.scoresComputed] ?? 0;
  };

  it('scores and publishes the second database first run as it did the first', async () => {
    const first = await firstRunOnNewDatabase();
    const afterFirst = await scoresOnStream();
    const second = await firstRunOnNewDatabase();

    expect(second.run.runId).toBe(first.run.runId);
    expect(second.run.enterprises).toBe(first.run.enterprises);
    expect(second.published).toBe(second.run.enterprises);
    // Every batch of the second database reached the stream, none dropped as a repeat of the first's.
    expect(afterFirst).toBe(Math.ceil(first.published / SCORES_PER_MESSAGE));
    expect((await scoresOnStream()) - afterFirst).toBe(Math.ceil(second.published / SCORES_PER_MESSAGE));
  }, 120_000);
});
