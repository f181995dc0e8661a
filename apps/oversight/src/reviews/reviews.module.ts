import { Module } from '@nestjs/common';
import { ClueRefs } from '@tianping/common';
import { RecordCoreModule } from '../record/record.module';
import { AppealRescoreService } from './appeal-rescore.service';
import { AppealStepsService } from './appeal-steps.service';
import { AppealsController } from './appeals.controller';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';
import { ColourDecisionsRepository } from './colour-decisions.repository';
import { ColourDecisionsService } from './colour-decisions.service';
import { CorrectionsAppliedHandler } from './corrections-applied.handler';
import { ReviewsController } from './reviews.controller';
import { ScoreReviewHandler } from './score-review.handler';

/** Human review without listening: confirmations, overrides and appeals (the CLI can use it). */
@Module({
  imports: [RecordCoreModule],
  providers: [
    { provide: ClueRefs, useFactory: () => ClueRefs.fromEnv() },
    ColourDecisionsRepository,
    ColourDecisionsService,
    AppealsRepository,
    AppealStepsService,
    AppealsService,
    AppealRescoreService,
  ],
  exports: [RecordCoreModule, ColourDecisionsRepository, ColourDecisionsService, AppealsService, AppealRescoreService],
})
export class ReviewsCoreModule {}

/** Review's HTTP API, its consumer of scoring's scores and of intake's acknowledgements of appeal corrections. */
@Module({
  imports: [ReviewsCoreModule],
  controllers: [ReviewsController, AppealsController],
  providers: [ScoreReviewHandler, CorrectionsAppliedHandler],
})
export class ReviewsModule {}
