import { Module } from '@nestjs/common';
import { AuditsCoreModule } from '../audits/audits.module';
import { KillSwitchCoreModule } from '../kill-switch/kill-switch.module';
import { RegisterController } from './register.controller';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';

/** The public register entry, generated from the audits' projections, the kill switch and the record. */
@Module({
  imports: [AuditsCoreModule, KillSwitchCoreModule],
  controllers: [RegisterController],
  providers: [RegisterRepository, RegisterService],
})
export class RegisterModule {}
