import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApprovalsService } from './approvals.service';
import { ApprovalsQuery, SignOffDto, SubjectVersionParam } from './dtos/sign-off.dto';

/**
 * 201 with the request after the sign-off (status approved once every role has approved, rejected
 * on any rejection); 403 for the trainer or proposer, or one person in both roles; 409 for a
 * duplicate sign-off or a decided request; 404 when oversight has not learnt of the proposal.
 */
@Controller('api/approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  /** Pending requests first, then decided ones, each with who proposed, built and signed it. */
  @Get()
  list(@Query() query: ApprovalsQuery) {
    return this.approvals.list({ status: query.status, subjectKind: query.kind, limit: query.limit });
  }

  @Get('models/:version')
  model(@Param() params: SubjectVersionParam) {
    return this.approvals.find('model-version', params.version);
  }

  @Get('colour-policies/:version')
  colourPolicy(@Param() params: SubjectVersionParam) {
    return this.approvals.find('colour-policy', params.version);
  }

  @Post('models/:version/sign-offs')
  signModel(@Param() params: SubjectVersionParam, @Body() body: SignOffDto) {
    return this.approvals.signOff('model-version', params.version, body);
  }

  @Post('colour-policies/:version/sign-offs')
  signColourPolicy(@Param() params: SubjectVersionParam, @Body() body: SignOffDto) {
    return this.approvals.signOff('colour-policy', params.version, body);
  }
}
