import { Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { AuditSigningKey } from './audit-signing-key.provider';
import { AuditVerifyService } from './audit-verify.service';
import { BodyArchiveRepository } from './body-archive.repository';
import { BodyArchiveService } from './body-archive.service';
import { CheckpointWitness } from './checkpoint-witness';
import { ScoringRecordHandler } from './scoring-record.handler';

/** The record without listening: append, prove, verify. Used by the service and the CLI alike. */
@Module({
  providers: [
    { provide: AuditSigningKey, useFactory: () => AuditSigningKey.load() },
    AuditLogRepository,
    AuditLogService,
    AuditVerifyService,
    BodyArchiveRepository,
    BodyArchiveService,
  ],
  exports: [AuditLogService, AuditVerifyService, BodyArchiveService],
})
export class RecordCoreModule {}

/** The record's HTTP API, its consumer of scoring's and dispatch's events, and its checkpoint witness. */
@Module({
  imports: [RecordCoreModule],
  controllers: [AuditLogController],
  providers: [ScoringRecordHandler, CheckpointWitness],
})
export class RecordModule {}
