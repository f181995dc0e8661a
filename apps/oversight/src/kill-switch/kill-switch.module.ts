import { Module } from '@nestjs/common';
import { RecordCoreModule } from '../record/record.module';
import { KillSwitchController } from './kill-switch.controller';
import { KillSwitchRepository } from './kill-switch.repository';
import { KillSwitchService } from './kill-switch.service';

/** The kill switch without HTTP: the service and the CLI share it (events leave through the outbox). */
@Module({
  imports: [RecordCoreModule],
  providers: [KillSwitchRepository, KillSwitchService],
  exports: [KillSwitchService],
})
export class KillSwitchCoreModule {}

@Module({
  imports: [KillSwitchCoreModule],
  controllers: [KillSwitchController],
})
export class KillSwitchModule {}
