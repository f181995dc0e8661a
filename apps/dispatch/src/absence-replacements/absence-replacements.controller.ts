import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { AbsenceReplacementsService } from './absence-replacements.service';
import { AbsenceReplacementDto } from './dtos/absence-replacement.dto';

/** An absent officer replaced on all the visits of the absence's days: the proposal, and its confirmation. */
@Controller('api/absences/:id/replacements')
export class AbsenceReplacementsController {
  constructor(private readonly replacements: AbsenceReplacementsService) {}

  @Get()
  proposal(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.replacements.proposal(id);
  }

  @Post()
  @HttpCode(201)
  apply(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AbsenceReplacementDto) {
    return this.replacements.apply(id, body);
  }
}
