import { Controller, Get } from '@nestjs/common';
import { buildOpenApi } from './openapi.util';

const DOCUMENT = buildOpenApi('0.1.0');

@Controller('api')
export class OpenApiController {
  @Get('openapi.json')
  document() {
    return DOCUMENT;
  }
}
