import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { computeTableFactors, generatedCitySpec, generateCityTable, trainGamModel, type GamModel } from '@tianping/risk-model';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNats } from '@tianping/testing';
import { ScoringCoreModule } from '../../../apps/scoring/src/scoring.module';
import { ModelRegistryService, ModelStateError } from '../../../apps/scoring/src/models/model-registry.service';
import { TrainingService } from '../../../apps/scoring/src/training/training.service';
import { activateWithoutOversight } from '../../../tools/bench/scoring.bench';

/** A model fitted on a city whose last months (its validation split) held no violation, or one that held both. */
async function cityModel(lastMonthsWithoutViolations: boolean): Promise<GamModel> {
  const spec = generatedCitySpec();
  const table = computeTableFactors(generateCityTable(600, 1), spec);
  const lastDay = table.days.reduce((m, d) => Math.max(m, d), -Infinity);
  if (lastMonthsWithoutViolations) table.days.forEach((d, i) => d > lastDay - 120 && (table.labels[i] = 0));
  return trainGamModel(spec, { factors: table.factors, labels: table.labels, days: table.days, nuisance: table.nuisance }, { seed: 1 });
}

/**
 * Scoring refuses, saying what is missing and what to do, to fit a model on nothing or to put to use
 * one it could not validate: a bureau whose last months of inspections found nothing (or everything)
 * gets a model whose settings were never chosen nor its probabilities calibrated.
 */
describe('models scoring cannot fit or validate', () => {
  let nats: TestNats;
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    nats = await startTestNats();
    db = await createTestDatabase();
    process.env.DATABASE_URL = db.url;
    process.env.NATS_URL = nats.url;
    app = await NestFactory.createApplicationContext(ScoringCoreModule, { logger: ['error'] });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await nats?.stop();
  });

  it('says, before any record reached scoring, that it holds no enterprise and takes them from a running suite', async () => {
    await expect(app.get(TrainingService).train({ asOf: '2026-07-01', seed: 1, createdBy: 'test' })).rejects.toThrow(
      "scoring holds no enterprise yet: it takes them from intake's events while it runs (npx tianping start); train once it has them",
    );
  });

  it('refuses to activate one its validation months could not check, saying why and what to do; the active model stays', async () => {
    const registry = app.get(ModelRegistryService);
    const validated = await cityModel(false);
    await registry.register(validated, 'test');
    await activateWithoutOversight(app, validated.version, 'test');

    const unvalidated = await cityModel(true);
    expect(unvalidated.training.validation.unusable).toBeTruthy();
    await registry.register(unvalidated, 'test');
    await expect(activateWithoutOversight(app, unvalidated.version, 'test')).rejects.toThrow(ModelStateError);
    await expect(registry.changeState(unvalidated.version, 'active', 'operator')).rejects.toThrow(
      `model ${unvalidated.version} cannot become active: it was never validated, as ${unvalidated.training.validation.unusable}; train it again`,
    );

    const states = await app
      .get(DataSource)
      .query(`SELECT version, state FROM scoring.model_versions WHERE version = ANY($1) ORDER BY version`, [[validated.version, unvalidated.version]]);
    expect(Object.fromEntries(states.map((r: { version: string; state: string }) => [r.version, r.state]))).toEqual({
      [validated.version]: 'active',
      [unvalidated.version]: 'approved',
    });
  }, 120_000);
});
