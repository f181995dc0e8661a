import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ReplacementsQuery, TeamChangeDto } from './dtos/team-change.dto';
import { TeamChangesService } from './team-changes.service';

/** A scheduled visit's team after publishing: who may replace an officer, the change, and its history. */
@Controller('api/visits/:id')
export class TeamChangesController {
  constructor(private readonly teamChanges: TeamChangesService) {}

  @Get('replacements')
  replacements(@Param('id') id: string, @Query() query: ReplacementsQuery) {
    return this.teamChanges.replacements(id, query.officer);
  }

  @Post('team-changes')
  @HttpCode(201)
  change(@Param('id') id: string, @Body() body: TeamChangeDto) {
    return this.teamChanges.change(id, body);
  }

  @Get('team-changes')
  history(@Param('id') id: string) {
    return this.teamChanges.history(id);
  }
}
