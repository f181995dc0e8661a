import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CreditCodeParam } from '@tianping/common';
import { VisitCalendarQuery, VisitRatingDto, VisitResultsDto } from './dtos/visit.dto';
import { VisitsService } from './visits.service';

/** Joint visits: the officers' calendar and checklist, results, and the enterprise's side. */
@Controller('api')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visits')
  calendar(@Query() query: VisitCalendarQuery) {
    return this.visits.calendar(query);
  }

  @Get('visits/:id')
  get(@Param('id') id: string) {
    return this.visits.get(id);
  }

  @Post('visits/:id/results')
  @HttpCode(201)
  results(@Param('id') id: string, @Body() body: VisitResultsDto) {
    return this.visits.recordResults(id, body);
  }

  @Post('visits/:id/rating')
  @HttpCode(201)
  rate(@Param('id') id: string, @Body() body: VisitRatingDto) {
    return this.visits.rate(id, body.stars, body.comment);
  }

  @Get('enterprises/:creditCode/visits')
  forEnterprise(@Param() params: CreditCodeParam) {
    return this.visits.forEnterprise(params.creditCode);
  }
}
