import { BadRequestException } from '@nestjs/common';
import { RegionsController } from './regions.controller';

describe('region names by language', () => {
  const regions = new RegionsController();

  it('gives the Chinese names by default or with lang=zh, and the English ones with lang=en', () => {
    expect(regions.names().names['440605']).toBe('南海区');
    expect(regions.names('zh').names['440605']).toBe('南海区');
    expect(regions.names('en')).toMatchObject({ lang: 'en', names: { '440605': 'Nanhai District' } });
  });

  it('refuses a language it does not have, rather than answering in Chinese without a word', () => {
    for (const lang of ['fr', 'EN', '', ['en', 'zh']]) expect(() => regions.names(lang)).toThrow(BadRequestException);
  });
});
