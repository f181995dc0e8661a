import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The enterprise applies for more time to rectify (延期整改申请). */
export class RectificationApplicationDto {
  /** The day asked for: after the current deadline, at most 180 days after the visit's day. */
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) rectifyBy!: string;
  /** Why: may name a person, so kept in dispatch only, never logged, never in an event. */
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
  /** Who applies: the web app sets the signed-in account's name. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}

export const DECISIONS = ['grant', 'refuse'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The bureau grants or refuses a pending application. */
export class RectificationDecisionDto {
  @IsIn(DECISIONS) decision!: Decision;
  /** For a grant: the new deadline, the day applied for unless given. */
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) rectifyBy?: string;
  /** The bureau's note to the enterprise: required to refuse. */
  @IsOptional() @IsString() @MaxLength(500) note?: string;
  /** Who decides: the web app sets the signed-in account's name. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}

export class ApplicationQueryDto {
  @IsOptional() @IsIn(['pending', 'granted', 'refused']) status?: 'pending' | 'granted' | 'refused';
}
