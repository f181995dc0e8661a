import { Controller, Get, Header } from '@nestjs/common';
import { regionNames } from './region-names.util';

const NAMES = regionNames();

/** Division names for the pages, which show "南海区" where the exports say 440605. Public data, cached a day. */
@Controller('api/regions')
export class RegionsController {
  @Get()
  @Header('Cache-Control', 'public, max-age=86400')
  names() {
    return { standard: 'GB/T 2260', names: NAMES };
  }
}
