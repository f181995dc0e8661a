import { Body, Controller, Get, HttpCode, Logger, NotFoundException, Param, ParseIntPipe, Post } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OperationsService } from './operations.service';

/** Who acts: the web gateway names the signed-in administrator. */
export class OperatorActBody {
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
}

/**
 * The app's delivery for the operators' health page. Internal, like /ready and /metrics: served
 * outside /api, so only the web app (which checks the admin role first) reaches it from the pages.
 */
@Controller('ops')
export class OperationsController {
  private readonly logger = new Logger(OperationsController.name);

  constructor(private readonly operations: OperationsService) {}

  @Get('status')
  status() {
    return this.operations.status();
  }

  @Post('outbox/:id/resend')
  @HttpCode(200)
  async resend(@Param('id', ParseIntPipe) id: number, @Body() body: OperatorActBody) {
    const resent = await this.operations.resend(id);
    if (!resent) throw new NotFoundException(`no event set aside as #${id} in this app's outbox`);
    this.logger.log(`${resent.outbox}#${id} (${resent.subject}) sent again by ${body.actor ?? 'an operator'}`);
    return resent;
  }
}
