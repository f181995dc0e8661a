import { Controller, Get, Query } from '@nestjs/common';
import { CorrectionsQuery } from './dtos/corrections-query.dto';
import { CorrectionsService } from './corrections.service';

@Controller('api/corrections')
export class CorrectionsController {
  constructor(private readonly corrections: CorrectionsService) {}

  /** Corrections received from appeal decisions, newest first, with why one was not applicable. */
  @Get()
  list(@Query() query: CorrectionsQuery) {
    return this.corrections.list({ appealId: query.appealId, status: query.status, limit: query.limit ?? 100 });
  }
}
