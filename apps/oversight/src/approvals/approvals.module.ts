import { Module } from '@nestjs/common';
import { RecordCoreModule } from '../record/record.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { ProposalsHandler } from './proposals.handler';

/** Approvals without HTTP or NATS: the service and the CLI share it (grants leave through the outbox). */
@Module({
  imports: [RecordCoreModule],
  providers: [ApprovalsRepository, ApprovalsService],
  exports: [ApprovalsService, ApprovalsRepository],
})
export class ApprovalsCoreModule {}

/** The approvals API and the consumer that learns of proposals from scoring's events. */
@Module({
  imports: [ApprovalsCoreModule],
  controllers: [ApprovalsController],
  providers: [ProposalsHandler],
})
export class ApprovalsModule {}
