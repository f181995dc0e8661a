import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { KillSwitchActDto, KillSwitchQuery } from './dtos/kill-switch-act.dto';
import { KillSwitchService } from './kill-switch.service';

@Controller('api/kill-switch')
export class KillSwitchController {
  constructor(private readonly killSwitch: KillSwitchService) {}

  /** Current state and the history of acts, newest first. */
  @Get()
  state(@Query() query: KillSwitchQuery) {
    return this.killSwitch.state(query.limit);
  }

  /** 201 with the change; 409 when the model is already suspended. */
  @Post('suspend')
  suspend(@Body() body: KillSwitchActDto) {
    return this.killSwitch.suspend(body);
  }

  /** 201 with the change; 409 when the model is not suspended. */
  @Post('resume')
  resume(@Body() body: KillSwitchActDto) {
    return this.killSwitch.resume(body);
  }
}
