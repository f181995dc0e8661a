import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController } from '@tianping/database';
import { NatsModule } from '@tianping/messaging';
import { createOversightDataSource, OVERSIGHT_SCHEMA } from './database/oversight.data-source';
import { RecordCoreModule, RecordModule } from './record/record.module';

/** Everything oversight does without listening: used by the CLI for `audit verify` and `audit receipt`. */
@Module({
  imports: [DatabaseModule.forApp({ schema: OVERSIGHT_SCHEMA, createDataSource: createOversightDataSource }), RecordCoreModule],
  exports: [RecordCoreModule],
})
export class OversightCoreModule {}

/** The oversight service: the record (appeals and algorithm audits join here as their own modules). */
@Module({
  imports: [OversightCoreModule, NatsModule.forApp('oversight'), RecordModule],
  controllers: [HealthController],
})
export class OversightModule {}
