import { Controller, Get } from '@nestjs/common';
import { chinaDay } from '@tianping/common';
import { PlansRepository } from '../plans/plans.repository';
import { OfficersRepository } from './officers.repository';

/** The officers register (执法人员名录): certificate numbers, departments, certificates, duty, load and absences. */
@Controller('api/officers')
export class OfficersController {
  constructor(
    private readonly officers: OfficersRepository,
    private readonly settings: PlansRepository,
  ) {}

  @Get()
  async register() {
    const policy = await this.settings.policy();
    return this.officers.register(chinaDay(), policy.officerDailyCapacity);
  }
}
