import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController } from '@tianping/database';
import { NatsModule } from '@tianping/messaging';
import { createOversightDataSource, OVERSIGHT_SCHEMA } from './database/oversight.data-source';
import { KillSwitchCoreModule, KillSwitchModule } from './kill-switch/kill-switch.module';
import { OversightOutbox } from './outbox/oversight-outbox.provider';
import { RecordCoreModule, RecordModule } from './record/record.module';

/** Everything oversight does without listening: used by the CLI (`audit verify`, `audit receipt`, `kill-switch`). */
@Module({
  imports: [DatabaseModule.forApp({ schema: OVERSIGHT_SCHEMA, createDataSource: createOversightDataSource }), RecordCoreModule, KillSwitchCoreModule],
  exports: [RecordCoreModule, KillSwitchCoreModule],
})
export class OversightCoreModule {}

/** The oversight service: the record and the kill switch (appeals and algorithm audits join here as their own modules). */
@Module({
  imports: [OversightCoreModule, NatsModule.forApp('oversight'), RecordModule, KillSwitchModule],
  controllers: [HealthController],
  providers: [OversightOutbox],
})
export class OversightModule {}
