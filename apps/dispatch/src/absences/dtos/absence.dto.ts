import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ABSENCE_KINDS, type AbsenceKind } from '../absence.util';

const OFFICER_ID = /^[A-Za-z0-9-]{3,40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '$property must be a day written YYYY-MM-DD';

/** An officer away on a range of days (both included). No reason: sick leave is health data. */
export class AbsenceDto {
  @IsString() @Matches(OFFICER_ID, { message: 'officerId must be a certificate number (执法证号)' }) officerId!: string;
  @IsString() @Matches(DAY, { message: DAY_MESSAGE }) from!: string;
  @IsString() @Matches(DAY, { message: DAY_MESSAGE }) to!: string;
  @IsIn(ABSENCE_KINDS) kind!: AbsenceKind;
  /** Who enters it: the web gateway sets the signed-in dispatcher. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}

export class AbsenceQuery {
  @IsOptional() @IsString() @Matches(OFFICER_ID) officer?: string;
  /** Absences that touch this range; either end may be left open. */
  @IsOptional() @IsString() @Matches(DAY, { message: DAY_MESSAGE }) from?: string;
  @IsOptional() @IsString() @Matches(DAY, { message: DAY_MESSAGE }) to?: string;
}
