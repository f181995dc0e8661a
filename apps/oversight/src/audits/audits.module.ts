import { Module } from '@nestjs/common';
import { RecordCoreModule } from '../record/record.module';
import { AuditDriftRepository } from './audit-drift.repository';
import { AuditProjectionHandler } from './audit-projection.handler';
import { AuditProjectionRepository } from './audit-projection.repository';
import { AuditReportsRepository } from './audit-reports.repository';
import { AuditReportsService } from './audit-reports.service';
import { AuditSchedule } from './audit-schedule.provider';
import { AuditsController, PublicAuditReportsController } from './audits.controller';
import { AuditsRepository } from './audits.repository';
import { AuditsService } from './audits.service';
import { PublicAuditReportsService } from './public-audit-reports.service';

/** The audits without listening: figures and reports, shared by the service and the CLI. */
@Module({
  imports: [RecordCoreModule],
  providers: [AuditsRepository, AuditDriftRepository, AuditsService, AuditReportsRepository, AuditReportsService, PublicAuditReportsService],
  exports: [AuditsRepository, AuditsService, AuditReportsService, PublicAuditReportsService],
})
export class AuditsCoreModule {}

/** The audits' HTTP API, their projections of other apps' events, and the quarterly schedule. */
@Module({
  imports: [AuditsCoreModule],
  controllers: [AuditsController, PublicAuditReportsController],
  providers: [AuditProjectionRepository, AuditProjectionHandler, AuditSchedule],
})
export class AuditsModule {}
