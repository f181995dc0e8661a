import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Logger, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@tianping/messaging';
import { AuditLogService } from './audit-log.service';
import { latestWitnessed } from './checkpoint-witness';
import { AuditVerifyService } from './audit-verify.service';
import { auditArchiveDir } from './body-archive-dir';
import { toAuditEntryDto } from './dtos/audit-entry.dto';
import { ConsistencyQuery, EntriesQuery, PersonalDataReadDto } from './dtos/audit-query.dto';

@Controller('api/audit')
export class AuditLogController {
  private readonly logger = new Logger(AuditLogController.name);
  /** Read at start: a directory that is not there stops the app, rather than fail every verify. */
  private readonly archivesDir = auditArchiveDir();

  constructor(
    private readonly log: AuditLogService,
    private readonly verifier: AuditVerifyService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
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
  async verify() {
    // Held to the witnessed checkpoint too, when NATS answers; the result says which (witnessedTreeSize).
    const witnessed = await latestWitnessed(this.nc).catch((error: Error) => {
      this.logger.warn(`audit verify: no witnessed checkpoint to compare with: ${error.message}`);
      return null;
    });
    // With AUDIT_ARCHIVE_DIR, each archive file is checked (`archives`); without, `bodiesUnchecked` counts what was not.
    return this.verifier.verify(undefined, witnessed, { archivesDir: this.archivesDir });
  }
}
