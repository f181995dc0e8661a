import { Controller, Get, Query } from '@nestjs/common';
import { FollowUpListQuery } from './dtos/follow-up.dto';
import { FollowUpsService } from './follow-ups.service';

/** The orders to rectify the bureau tracks (整改跟踪). */
@Controller('api/follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  list(@Query() query: FollowUpListQuery) {
    return this.followUps.list(query);
  }
}
