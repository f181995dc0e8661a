import { Module } from '@nestjs/common';
import { RecordCoreModule } from '../record/record.module';
import { AppealsController } from './appeals.controller';
import { AppealsRepository } from './appeals.repository';
import { AppealsService } from './appeals.service';
import { ColourDecisionsRepository } from './colour-decisions.repository';
import { ColourDecisionsService } from './colour-decisions.service';
import { ReviewsController } from './reviews.controller';
import { ScoreReviewHandler } from './score-review.handler';

/** Human review without listening: confirmations, overrides and appeals (the CLI can use it). */
@Module({
  imports: [RecordCoreModule],
  providers: [ColourDecisionsRepository, ColourDecisionsService, AppealsRepository, AppealsService],
  exports: [RecordCoreModule, ColourDecisionsRepository, ColourDecisionsService, AppealsService],
})
export class ReviewsCoreModule {}

/** Review's HTTP API and its consumer of scoring's scores. */
@Module({
  imports: [ReviewsCoreModule],
  controllers: [ReviewsController, AppealsController],
  providers: [ScoreReviewHandler],
})
export class ReviewsModule {}
