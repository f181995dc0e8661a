import { Transform } from 'class-transformer';
import { CREDIT_CODE_FORM, CREDIT_CODE_LIST_MESSAGE, creditCodeList, QueryInt } from '@tianping/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

const codeList = ({ value }: { value: unknown }) => creditCodeList(value);

export const SCORE_ORDERS = ['code', 'risk'] as const;
export type ScoreOrder = (typeof SCORE_ORDERS)[number];

/** Where a page in risk order ends: the last row's probability and credit code. */
export interface RiskCursor {
  probability: number;
  creditCode: string;
}

/** A risk-order cursor as the list hands it out, `<probability>~<credit code>`; null when it is not one. */
export function parseRiskCursor(text: string): RiskCursor | null {
  const [p, creditCode, ...rest] = text.split('~');
  const probability = Number(p);
  if (rest.length || !p || !Number.isFinite(probability) || probability < 0 || probability > 1 || !CREDIT_CODE_FORM.test(creditCode ?? '')) return null;
  return { probability, creditCode };
}

export function riskCursor(probability: number, creditCode: string): string {
  return `${probability}~${creditCode}`; // a float8 prints exactly, so the next page starts exactly where this one ended
}

/** `after` is a credit code in code order, and the previous page's `next` (a risk cursor) in risk order. */
@ValidatorConstraint({ name: 'scoreCursor' })
class ScoreCursorConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    if (typeof value !== 'string') return false;
    return (args.object as ScoreListQuery).order === 'risk' ? parseRiskCursor(value) !== null : CREDIT_CODE_FORM.test(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return (args.object as ScoreListQuery).order === 'risk'
      ? 'after must be the next of the previous page in risk order (<probability>~<credit code>)'
      : 'after must be an 18-character credit code';
  }
}

export class ScoreListQuery {
  @IsOptional() @IsIn(['green', 'yellow', 'red']) colour?: 'green' | 'yellow' | 'red';
  /** Region code or a prefix of it (e.g. 4406 for all of Foshan). */
  @IsOptional() @IsString() @Matches(/^\d{2,12}$/) region?: string;
  /** GB/T 4754 section letter. */
  @IsOptional() @IsString() @Matches(/^[A-Ta-t]$/) industry?: string;
  /** `code` (the default): by credit code. `risk`: the highest probability first, then by credit code. */
  @IsOptional() @IsIn(SCORE_ORDERS) order?: ScoreOrder;
  /** Page after this point (keyset pagination): the `next` of the previous page. */
  @IsOptional() @IsString() @Validate(ScoreCursorConstraint) after?: string;
  /** Only these enterprises (comma-separated credit codes): the colours of a name search's hits in one call. */
  @IsOptional()
  @Transform(codeList)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(CREDIT_CODE_FORM, { each: true, message: CREDIT_CODE_LIST_MESSAGE })
  codes?: string[];
  @IsOptional() @QueryInt(1, 1000) limit?: number;
}

/** How many stretches of an enterprise's score history to give, newest first (default 12). */
export class ScoreHistoryQuery {
  @IsOptional() @QueryInt(1, 100) limit?: number;
}
