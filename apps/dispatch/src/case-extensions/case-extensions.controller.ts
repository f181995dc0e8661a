import { CreditCodeParam } from '@tianping/common';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { RectificationExtensionDto } from '../rectification-extensions/dtos/rectification-extension.dto';
import { CaseExtensionsService } from './case-extensions.service';

/** A platform case's rectification deadline extended (延期整改), and the extensions made. */
@Controller('api/cases/:caseNo/rectification-extensions')
export class CaseExtensionsController {
  constructor(private readonly extensions: CaseExtensionsService) {}

  @Post()
  @HttpCode(201)
  extend(@Param('caseNo') caseNo: string, @Body() body: RectificationExtensionDto) {
    return this.extensions.extend(caseNo, body);
  }

  @Get()
  history(@Param('caseNo') caseNo: string) {
    return this.extensions.history(caseNo);
  }
}

/** An enterprise's platform-case orders to rectify still open: where it applies for more time. */
@Controller('api/enterprises/:creditCode/case-orders')
export class CaseOrdersController {
  constructor(private readonly extensions: CaseExtensionsService) {}

  @Get()
  open(@Param() params: CreditCodeParam) {
    return this.extensions.openOrdersOf(params.creditCode);
  }
}
