import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { creditCodeValue } from './credit-code';

/**
 * A route's `:creditCode`, read as people type it (lower case, full-width, with blanks) and refused
 * unless it is then 18 letters and digits: a code of another length names no enterprise, and an
 * empty answer to it would read as "nothing on file".
 */
export class CreditCodeParam {
  @Transform(({ value }: { value: unknown }) => creditCodeValue(value))
  @IsString()
  @Matches(/^[0-9A-Z]{18}$/, { message: 'creditCode is an 18-character unified social credit code' })
  creditCode!: string;
}
