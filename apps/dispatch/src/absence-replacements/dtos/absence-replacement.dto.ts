import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

const OFFICER_ID = /^[A-Za-z0-9-]{3,40}$/;

/** One day of the proposal as the dispatcher saw it: who replaces the absent officer on which visits. */
export class ConfirmedDayDto {
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/) date!: string;
  @IsString() @Matches(OFFICER_ID) officerIn!: string;
  @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) visitIds!: string[];
}

/** The proposal confirmed: applied only while it is still what dispatch proposes. */
export class AbsenceReplacementDto {
  @IsArray() @ArrayMaxSize(366) @ValidateNested({ each: true }) @Type(() => ConfirmedDayDto) days!: ConfirmedDayDto[];
  /** Kept with each visit's change, as a single change's; may name a person: never logged, never in an event. */
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
  /** Who confirms it: the web app sets the signed-in account's name. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}
