import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController } from '@tianping/database';
import { NatsModule, OperationsModule } from '@tianping/messaging';
import { ApprovalGrantHandler } from './approvals/approval-grant.handler';
import { ColourPolicyRepository } from './colour/colour-policy.repository';
import { ColourPolicyService } from './colour/colour-policy.service';
import { createScoringDataSource, SCORING_SCHEMA } from './database/scoring.data-source';
import { EnterpriseFeaturesRepository } from './features/enterprise-features.repository';
import { EnterpriseHistoryRepository } from './features/enterprise-history.repository';
import { ModelRegistryRepository } from './models/model-registry.repository';
import { ModelRegistryService } from './models/model-registry.service';
import { ModelsController } from './models/models.controller';
import { ScoringOutbox } from './outbox/scoring-outbox.provider';
import { ProjectionHandler } from './projection/projection.handler';
import { ProjectionRepository } from './projection/projection.repository';
import { ReplayController } from './replay/replay.controller';
import { ReplayService } from './replay/replay.service';
import { DAILY_RUN_SETTINGS, DailyRunScheduler, dailyRunSettingsFromEnv } from './scores/daily-run.scheduler';
import { RescoreLoop } from './scores/rescore.loop';
import { ScorePublisher, ScorePublishingLoop } from './scores/score-publisher';
import { ScoreRunsRepository } from './scores/score-runs.repository';
import { ScoreOutboxStatus } from './scores/score-outbox.status';
import { ScoreShardQueue } from './scores/score-shard.queue';
import { ScoreShardService } from './scores/score-shard.service';
import { ScoreShardWorker } from './scores/score-shard.worker';
import { ScoreShardWorkerLoop } from './scores/score-shard-worker.loop';
import { ScoresController } from './scores/scores.controller';
import { ScoresRepository } from './scores/scores.repository';
import { ScoringService } from './scores/scoring.service';
import { TrainingService } from './training/training.service';

/** Everything scoring does without listening: used by the CLI for train, score, backtest, model and colour-policy. */
@Module({
  imports: [DatabaseModule.forApp({ schema: SCORING_SCHEMA, createDataSource: createScoringDataSource }), NatsModule.forApp('scoring')],
  providers: [
    ProjectionRepository,
    EnterpriseFeaturesRepository,
    EnterpriseHistoryRepository,
    ModelRegistryRepository,
    ModelRegistryService,
    ColourPolicyService,
    ColourPolicyRepository,
    ScoresRepository,
    ScoreRunsRepository,
    ScoreShardQueue,
    ScoreShardService,
    ScoreShardWorker,
    ScoringService,
    TrainingService,
    ScoringOutbox,
    ScorePublisher,
    ReplayService,
  ],
  exports: [
    ScoreShardWorker,
    ScoreRunsRepository,
    ProjectionRepository,
    ModelRegistryService,
    ModelRegistryRepository,
    ColourPolicyService,
    ScoresRepository,
    ScoringService,
    TrainingService,
    ScoringOutbox,
    ScorePublisher,
    ReplayService,
  ],
})
export class ScoringCoreModule {}

/**
 * The scoring service: the core plus its HTTP API, intake's projections, oversight's approvals, the
 * re-scoring loop, the daily full run and its share of full runs' shards.
 */
@Module({
  imports: [ScoringCoreModule, OperationsModule.forApp({ app: 'scoring', outboxSchema: SCORING_SCHEMA, moreOutboxes: [ScoreOutboxStatus] })],
  controllers: [HealthController, ScoresController, ModelsController, ReplayController],
  providers: [
    ProjectionHandler,
    ApprovalGrantHandler,
    RescoreLoop,
    ScorePublishingLoop,
    ScoreShardWorkerLoop,
    { provide: DAILY_RUN_SETTINGS, useFactory: () => dailyRunSettingsFromEnv() },
    DailyRunScheduler,
  ],
  exports: [RescoreLoop],
})
export class ScoringModule {}
