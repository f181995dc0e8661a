import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApplicationQueryDto, RectificationApplicationDto, RectificationDecisionDto } from './dtos/rectification-application.dto';
import { RectificationApplicationsService } from './rectification-applications.service';

/** The enterprise applies for more time to rectify (延期整改申请) on a visit's or a platform case's order; the bureau grants or refuses. */
@Controller('api')
export class RectificationApplicationsController {
  constructor(private readonly applications: RectificationApplicationsService) {}

  @Post('visits/:id/rectification-applications')
  @HttpCode(201)
  apply(@Param('id') id: string, @Body() body: RectificationApplicationDto) {
    return this.applications.apply('visit', id, body);
  }

  @Get('visits/:id/rectification-applications')
  forVisit(@Param('id') id: string) {
    return this.applications.forOrder('visit', id);
  }

  @Post('visits/:id/rectification-applications/:applicationId/decision')
  @HttpCode(200)
  decide(@Param('id') id: string, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: RectificationDecisionDto) {
    return this.applications.decide('visit', id, applicationId, body);
  }

  @Post('cases/:caseNo/rectification-applications')
  @HttpCode(201)
  applyOnCase(@Param('caseNo') caseNo: string, @Body() body: RectificationApplicationDto) {
    return this.applications.apply('case', caseNo, body);
  }

  @Get('cases/:caseNo/rectification-applications')
  forCase(@Param('caseNo') caseNo: string) {
    return this.applications.forOrder('case', caseNo);
  }

  @Post('cases/:caseNo/rectification-applications/:applicationId/decision')
  @HttpCode(200)
  decideOnCase(@Param('caseNo') caseNo: string, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: RectificationDecisionDto) {
    return this.applications.decide('case', caseNo, applicationId, body);
  }

  @Get('rectification-applications')
  list(@Query() query: ApplicationQueryDto) {
    return this.applications.list(query);
  }
}
