import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ClueRefs, CREDIT_CODE_FORM, CREDIT_CODE_LIST_MESSAGE, creditCodeList, PiiVault, QueryInt } from '@tianping/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches } from 'class-validator';
import { Transform } from 'class-transformer';
import { EnterpriseRepository } from './enterprise.repository';

export class EnterpriseSearchQuery {
  @IsOptional() @IsString() q?: string;
  @IsOptional() @IsString() after?: string;
  @IsOptional() @QueryInt(1, 500) limit?: number;
  /**
   * Exactly these enterprises (those known), by index: the names and places of a list that holds only
   * codes. As scoring's list takes them: repeated, or comma-separated, typed however; up to 1,000.
   */
  @IsOptional()
  @Transform(({ value }) => creditCodeList(value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(CREDIT_CODE_FORM, { each: true, message: CREDIT_CODE_LIST_MESSAGE })
  codes?: string[];
}

/** One file per enterprise (一户一档): the subject with its cases and its linked clues, and what appeals corrected. */
@Controller('api')
export class EnterpriseController {
  constructor(
    private readonly enterprises: EnterpriseRepository,
    private readonly vault: PiiVault,
    private readonly clueRefs: ClueRefs,
  ) {}

  @Get('enterprises')
  search(@Query() query: EnterpriseSearchQuery) {
    if (query.codes !== undefined) {
      // A look-up by codes is whole: a search or a page of it beside it could only be ignored.
      if (query.q !== undefined || query.after !== undefined || query.limit !== undefined)
        throw new BadRequestException('codes is asked alone: not with q, after or limit');
      return this.enterprises.summaries([...new Set(query.codes)]);
    }
    return this.enterprises.search(query.q, query.limit ?? 50, query.after);
  }

  @Get('enterprises/:creditCode')
  async file(@Param('creditCode') creditCode: string) {
    const subject = await this.enterprises.subject(creditCode.toUpperCase());
    if (!subject) throw new NotFoundException(`no enterprise ${creditCode}`);
    const code = subject.creditCode as string;
    const [cases, clues, cluesUnlinkedOnAppeal] = await Promise.all([
      this.enterprises.cases(code),
      this.enterprises.clues(code),
      this.enterprises.cluesUnlinkedOnAppeal(code),
    ]);
    // The reference the enterprise sees and names in appeals in place of the id (the web gateway withholds the id from it).
    const withRef = (clue: Record<string, unknown>) => ({ ...clue, ref: this.clueRefs.of(code, clue.clueId as string) });
    return { subject, cases, clues: clues.map(withRef), cluesUnlinkedOnAppeal: cluesUnlinkedOnAppeal.map(withRef) };
  }

  /**
   * The legal representative's name and ID number in full. Served only on the suite's loopback; the
   * web gateway lets through only roles that need it, with a reason, after oversight's record has
   * logged the read.
   */
  @Get('enterprises/:creditCode/personal-data')
  async personalData(@Param('creditCode') creditCode: string) {
    const sealed = await this.enterprises.sealedPersonalData(creditCode.toUpperCase());
    if (!sealed) throw new NotFoundException(`no enterprise ${creditCode}`);
    return { creditCode: creditCode.toUpperCase(), legalRepName: this.vault.decrypt(sealed.nameSealed), legalRepId: this.vault.decrypt(sealed.idSealed) };
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
