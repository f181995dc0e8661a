import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApplicationQueryDto, RectificationApplicationDto, RectificationDecisionDto } from './dtos/rectification-application.dto';
import { RectificationApplicationsService } from './rectification-applications.service';

/** The enterprise applies for more time to rectify (延期整改申请); the bureau grants or refuses. */
@Controller('api')
export class RectificationApplicationsController {
  constructor(private readonly applications: RectificationApplicationsService) {}

  @Post('visits/:id/rectification-applications')
  @HttpCode(201)
  apply(@Param('id') id: string, @Body() body: RectificationApplicationDto) {
    return this.applications.apply(id, body);
  }

  @Get('visits/:id/rectification-applications')
  forVisit(@Param('id') id: string) {
    return this.applications.forVisit(id);
  }

  @Post('visits/:id/rectification-applications/:applicationId/decision')
  @HttpCode(200)
  decide(@Param('id') id: string, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: RectificationDecisionDto) {
    return this.applications.decide(id, applicationId, body);
  }

  @Get('rectification-applications')
  list(@Query() query: ApplicationQueryDto) {
    return this.applications.list(query);
  }
}
