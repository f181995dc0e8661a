import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { creditCodeList } from '@tianping/common';
import { PublicDisclosureRepository, type PublicResult } from './public-disclosure.repository';

/** Enterprises one request for results may name: as many as a name may match on the public page. */
export const PUBLIC_RESULT_CODES = 20;

export class PublicPlansQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class PublicResultsQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) to?: string;
  @IsOptional() @Matches(/^[A-Z]{2,10}$/) department?: string;
  /**
   * One enterprise's inspections, or a few's (comma-separated: the enterprises a name matched, which the web
   * gateway looks up): each code as people type it (lower case, full-width, spaced) is folded first.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => creditCodeList(value))
  @IsArray()
  @ArrayMinSize(1, { message: 'creditCode is an 18-character unified social credit code' })
  @ArrayMaxSize(PUBLIC_RESULT_CODES, { message: `creditCode names at most ${PUBLIC_RESULT_CODES} enterprises` })
  @Matches(/^[0-9A-Z]{18}$/, { each: true, message: 'creditCode is an 18-character unified social credit code' })
  creditCode?: string[];
  /** The previous page's `next`. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/) after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

/** The public side of the random inspections (双随机、一公开): plans by their scope, results once recorded. */
@Controller('api/public')
export class PublicDisclosureController {
  constructor(private readonly disclosure: PublicDisclosureRepository) {}

  @Get('inspection-plans')
  plans(@Query() query: PublicPlansQuery) {
    return this.disclosure.plans(query.limit ?? 20);
  }

  @Get('inspection-results')
  async results(@Query() query: PublicResultsQuery): Promise<{ results: PublicResult[]; next: string | null }> {
    if (query.from && query.to && query.from > query.to) throw new BadRequestException('from must not be after to');
    const limit = query.limit ?? 50;
    const after = query.after ? { date: query.after.slice(0, 10), key: query.after.slice(11) } : undefined;
    const rows = await this.disclosure.results({ from: query.from, to: query.to, department: query.department, creditCode: query.creditCode, after, limit });
    const last = rows.length === limit ? rows[rows.length - 1] : null;
    return { results: rows.map(({ key: _key, ...result }) => result), next: last ? `${last.date}_${last.key}` : null };
  }
}
