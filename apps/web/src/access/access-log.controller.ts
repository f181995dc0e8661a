import { Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { AccessLogRepository } from './access-log.repository';

export class AccessLogQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @IsOptional() @IsString() @Length(18, 18) creditCode?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
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
