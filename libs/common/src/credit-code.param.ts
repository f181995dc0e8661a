import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { CREDIT_CODE_FORM, CREDIT_CODE_FORM_MESSAGE, creditCodeValue } from './credit-code';

/**
 * A route's `:creditCode`, read as people type it (lower case, full-width, with blanks) and refused
 * unless it is then 18 letters and digits: a code of another length names no enterprise, and an
 * empty answer to it would read as "nothing on file".
 */
export class CreditCodeParam {
  @Transform(({ value }: { value: unknown }) => creditCodeValue(value))
  @IsString()
  @Matches(CREDIT_CODE_FORM, { message: CREDIT_CODE_FORM_MESSAGE })
  creditCode!: string;
}
