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
