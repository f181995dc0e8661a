import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';
import { AuditVerifyService } from './audit-verify.service';
import { toAuditEntryDto } from './dtos/audit-entry.dto';
import { ConsistencyQuery, EntriesQuery, PersonalDataReadDto } from './dtos/audit-query.dto';

@Controller('api/audit')
export class AuditLogController {
  constructor(
    private readonly log: AuditLogService,
    private readonly verifier: AuditVerifyService,
  ) {}

  @Get('entries')
  async entries(@Query() query: EntriesQuery) {
    return (await this.log.listEntries(query)).map(toAuditEntryDto);
  }

  @Get('entries/:seq')
  async entry(@Param('seq', ParseIntPipe) seq: number) {
    return toAuditEntryDto(await this.log.entry(seq));
  }

  @Get('checkpoints/latest')
  latestCheckpoint() {
    return this.log.latestCheckpoint();
  }

  @Get('receipts/:seq')
  receipt(@Param('seq', ParseIntPipe) seq: number) {
    return this.log.receipt(seq);
  }

  @Get('consistency')
  consistency(@Query() query: ConsistencyQuery) {
    if (query.from > query.to) throw new BadRequestException('from must not exceed to');
    return this.log.consistency(query.from, query.to);
  }

  @Get('public-key')
  publicKey() {
    return this.log.publicKey();
  }

  /** Logs a full read of an enterprise's personal data; the web gateway shows the data only once this answers. */
  @Post('personal-data-reads')
  async personalDataRead(@Body() body: PersonalDataReadDto) {
    const seq = await this.log.append('personal-data-read', body.creditCode, {
      actor: body.actor,
      role: body.role,
      route: body.route,
      reason: body.reason,
      at: new Date().toISOString(),
    });
    return { seq };
  }

  @Post('verify')
  @HttpCode(200)
  verify() {
    return this.verifier.verify();
  }
}
