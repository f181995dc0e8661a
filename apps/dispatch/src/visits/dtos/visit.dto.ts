import { CREDIT_CODE_FORM, CREDIT_CODE_FORM_MESSAGE, creditCodeValue, QueryInt } from '@tianping/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Results as the contract spells them, with English aliases for forms that post those. */
export const RESULT_ALIASES = {
  未发现问题: '未发现问题',
  责令整改: '责令整改',
  立案查处: '立案查处',
  no_problem: '未发现问题',
  rectify: '责令整改',
  case_opened: '立案查处',
} as const;

export class VisitItemResultDto {
  @IsString() @Matches(/^[A-Z]{2,10}-\d{2}$/) item!: string;
  @IsIn(Object.keys(RESULT_ALIASES)) result!: keyof typeof RESULT_ALIASES;
  /** What was found: required when the result is 责令整改 or 立案查处. */
  @IsOptional() @IsString() @MaxLength(1000) violation?: string;
}

export class VisitResultsDto {
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => VisitItemResultDto) items!: VisitItemResultDto[];
  /**
   * The rectification deadline (整改期限) when an item is 责令整改: after the visit's day, at most
   * 180 days later; omitted, the visit's day + the policy's `rectificationDays`. Refused without such an item.
   */
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) rectifyBy?: string;
}

export class VisitRatingDto {
  @IsInt() @Min(1) @Max(5) stars!: number;
  @IsOptional() @IsString() @MaxLength(500) comment?: string;
}

export class VisitCalendarQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) date?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) to?: string;
  @IsOptional() @IsString() officer?: string;
  @IsOptional() @Matches(/^\d{6}$/) region?: string;
  /** One enterprise's visits, announced or not: the bureau's view of its file. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => creditCodeValue(value))
  @IsString()
  @Matches(CREDIT_CODE_FORM, { message: CREDIT_CODE_FORM_MESSAGE })
  creditCode?: string;
  /** Visits a department is on, e.g. SAMR: a department officer's part of the calendar. */
  @IsOptional() @Matches(/^[A-Z]{2,10}$/) department?: string;
  /** A draw's id: a filter that cannot match is refused rather than silently dropped. */
  @IsOptional() @IsUUID() draw?: string;
  @IsOptional() @IsIn(['scheduled', 'done', 'cancelled']) status?: string;
  /** Visits carrying a task drawn for this reason (a complaint, a follow-up 复查, risk, exploration…). */
  @IsOptional() @IsIn(['risk', 'exploration', 'complaint', 'follow-up', 'random']) reason?: string;
  /** Visits to an enterprise of this colour at draw time (its tasks in the visit's plan all carry that one colour). */
  @IsOptional() @IsIn(['green', 'yellow', 'red']) colour?: string;
  @IsOptional() @QueryInt(1, 2000) limit?: number;
}
