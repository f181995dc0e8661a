import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, Matches } from 'class-validator';
import { CREDIT_CODE_FORM, CREDIT_CODE_FORM_MESSAGE, creditCodeList, QueryInt } from '@tianping/common';
import { PublicDisclosureRepository, type PublicResult } from './public-disclosure.repository';

/** Enterprises one request for results may name: as many as a name may match on the public page. */
export const PUBLIC_RESULT_CODES = 20;

export class PublicPlansQuery {
  @IsOptional() @QueryInt(1, 100) limit?: number;
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
  @ArrayMinSize(1, { message: CREDIT_CODE_FORM_MESSAGE })
  @ArrayMaxSize(PUBLIC_RESULT_CODES, { message: `creditCode names at most ${PUBLIC_RESULT_CODES} enterprises` })
  @Matches(CREDIT_CODE_FORM, { each: true, message: CREDIT_CODE_FORM_MESSAGE })
  creditCode?: string[];
  /** The previous page's `next`. */
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/) after?: string;
  @IsOptional() @QueryInt(1, 500) limit?: number;
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
