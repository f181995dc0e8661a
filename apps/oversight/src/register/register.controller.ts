import { Controller, Get } from '@nestjs/common';
import { RegisterService } from './register.service';

/** The algorithm's public register entry (算法公示), open to anyone. */
@Controller('api/register')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get()
  entry() {
    return this.register.entry();
  }
}
