import { QueryInt } from '@tianping/common';
import { Controller, Get, Query } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AccessLogRepository } from './access-log.repository';

export class AccessLogQuery {
  @IsOptional() @QueryInt(1) before?: number;
  @IsOptional() @IsString() @Length(18, 18) creditCode?: string;
  @IsOptional() @QueryInt(1, 500) limit?: number;
  /** Only full views (the rare ones that need a purpose) or only masked ones. */
  @IsOptional() @IsIn(['masked', 'full']) shown?: 'masked' | 'full';
}

@Controller('api/access-log')
export class AccessLogController {
  constructor(private readonly log: AccessLogRepository) {}

  @Get()
  list(@Query() query: AccessLogQuery) {
    return this.log.list(query.limit ?? 50, query.before, query.creditCode?.toUpperCase(), query.shown);
  }
}
