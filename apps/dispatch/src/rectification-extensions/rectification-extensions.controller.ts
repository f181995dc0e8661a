import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { RectificationExtensionDto } from './dtos/rectification-extension.dto';
import { RectificationExtensionsService } from './rectification-extensions.service';

/** A done visit's rectification deadline extended (延期整改), and the extensions made. */
@Controller('api/visits/:id/rectification-extensions')
export class RectificationExtensionsController {
  constructor(private readonly extensions: RectificationExtensionsService) {}

  @Post()
  @HttpCode(201)
  extend(@Param('id') id: string, @Body() body: RectificationExtensionDto) {
    return this.extensions.extend(id, body);
  }

  @Get()
  history(@Param('id') id: string) {
    return this.extensions.history(id);
  }
}
