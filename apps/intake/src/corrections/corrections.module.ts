import { Module } from '@nestjs/common';
import { CorrectionsController } from './corrections.controller';
import { CorrectionsHandler } from './corrections.handler';
import { CorrectionsRepository } from './corrections.repository';
import { CorrectionsService } from './corrections.service';

/** Stored corrections without listening: ingest applies them to every version it writes. */
@Module({
  providers: [CorrectionsRepository, CorrectionsService],
  exports: [CorrectionsRepository, CorrectionsService],
})
export class CorrectionsCoreModule {}

/** Appeal decisions from oversight, applied to intake's records, and what became of each correction. */
@Module({
  imports: [CorrectionsCoreModule],
  controllers: [CorrectionsController],
  providers: [CorrectionsHandler],
})
export class CorrectionsModule {}
