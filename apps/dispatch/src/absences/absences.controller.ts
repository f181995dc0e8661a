import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ActorDto } from '../plans/dtos/department-plan.dto';
import { AbsencesService } from './absences.service';
import { AbsenceDto, AbsenceQuery } from './dtos/absence.dto';

/** Officers away (请假, 培训, 外出), entered and withdrawn by the dispatcher. */
@Controller('api/absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Get()
  list(@Query() query: AbsenceQuery) {
    return this.absences.list(query);
  }

  /** The answer's `scheduledVisits` are those in the days that still send the officer: replace the officer on each. */
  @Post()
  @HttpCode(201)
  add(@Body() body: AbsenceDto) {
    return this.absences.add(body);
  }

  @Delete(':id')
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ActorDto = {}) {
    return this.absences.withdraw(id, body.actor);
  }
}
