import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController } from '@tianping/database';
import { NatsModule, OperationsModule } from '@tianping/messaging';
import { ApprovalsCoreModule, ApprovalsModule } from './approvals/approvals.module';
import { AuditsCoreModule, AuditsModule } from './audits/audits.module';
import { createOversightDataSource, OVERSIGHT_SCHEMA } from './database/oversight.data-source';
import { KillSwitchCoreModule, KillSwitchModule } from './kill-switch/kill-switch.module';
import { OversightOutbox } from './outbox/oversight-outbox.provider';
import { RecordCoreModule, RecordModule } from './record/record.module';
import { RegisterModule } from './register/register.module';
import { ReviewsCoreModule, ReviewsModule } from './reviews/reviews.module';

/** Everything oversight does without listening: used by the CLI (`audit`, `kill-switch`, `approval`). */
@Module({
  imports: [
    DatabaseModule.forApp({ schema: OVERSIGHT_SCHEMA, createDataSource: createOversightDataSource }),
    RecordCoreModule,
    KillSwitchCoreModule,
    ApprovalsCoreModule,
    ReviewsCoreModule,
    AuditsCoreModule,
  ],
  exports: [RecordCoreModule, KillSwitchCoreModule, ApprovalsCoreModule, ReviewsCoreModule, AuditsCoreModule],
})
export class OversightCoreModule {}

/** The oversight service: the record, the kill switch, approvals, human review and appeals, algorithm audits and the public register. */
@Module({
  imports: [
    OversightCoreModule,
    NatsModule.forApp('oversight'),
    RecordModule,
    KillSwitchModule,
    ApprovalsModule,
    ReviewsModule,
    AuditsModule,
    RegisterModule,
    OperationsModule.forApp({ app: 'oversight', outboxSchema: OVERSIGHT_SCHEMA }),
  ],
  controllers: [HealthController],
  providers: [OversightOutbox],
})
export class OversightModule {}
