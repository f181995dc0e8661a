import { BadRequestException, Controller, Get, Header, Query } from '@nestjs/common';
import { englishRegionNames } from './region-names-en.util';
import { regionNames } from './region-names.util';

const NAMES = regionNames();
/** Worked out on the first English page's ask (a quarter of a second), then kept. */
let namesEn: Record<string, string> | null = null;

/**
 * Division names for the pages, which show "南海区" where the exports say 440605 — or, asked with
 * `?lang=en`, "Nanhai District". Public data, cached a day.
 */
@Controller('api/regions')
export class RegionsController {
  @Get()
  @Header('Cache-Control', 'public, max-age=86400')
  names(@Query('lang') lang?: unknown) {
    // Another language would get the Chinese names without a word: refused, so the asker knows.
    if (lang !== undefined && lang !== 'zh' && lang !== 'en') throw new BadRequestException('lang is zh (the default) or en');
    if (lang === 'en') return { standard: 'GB/T 2260', lang: 'en', names: (namesEn ??= englishRegionNames(NAMES)) };
    return { standard: 'GB/T 2260', names: NAMES };
  }
}
