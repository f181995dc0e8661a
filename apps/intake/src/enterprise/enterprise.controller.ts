import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { EnterpriseRepository } from './enterprise.repository';

export class EnterpriseSearchQuery {
  @IsOptional() @IsString() q?: string;
  @IsOptional() @IsString() after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

/** One file per enterprise (一户一档): the subject with its cases and its linked clues. */
@Controller('api')
export class EnterpriseController {
  constructor(private readonly enterprises: EnterpriseRepository) {}

  @Get('enterprises')
  search(@Query() query: EnterpriseSearchQuery) {
    return this.enterprises.search(query.q, query.limit ?? 50, query.after);
  }

  @Get('enterprises/:creditCode')
  async file(@Param('creditCode') creditCode: string) {
    const subject = await this.enterprises.subject(creditCode.toUpperCase());
    if (!subject) throw new NotFoundException(`no enterprise ${creditCode}`);
    const [cases, clues] = await Promise.all([this.enterprises.cases(subject.creditCode as string), this.enterprises.clues(subject.creditCode as string)]);
    return { subject, cases, clues };
  }

  @Get('clues/unlinked')
  unlinked(@Query('limit') limit?: string) {
    return this.enterprises.unlinkedClues(Math.min(Number(limit) || 100, 500));
  }

  @Get('totals')
  totals() {
    return this.enterprises.totals();
  }
}
