import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const OFFICER_ID = /^[A-Za-z0-9-]{3,40}$/;

export class ReplacementsQuery {
  /** The officer to be replaced (certificate number). */
  @IsString() @Matches(OFFICER_ID) officer!: string;
}

export class TeamChangeDto {
  @IsString() @Matches(OFFICER_ID) officerOut!: string;
  /**
   * `picked`: officerIn as given; `random`: drawn among the eligible with a seed dispatch makes and records. No
   * caller chooses that seed: with the candidates known, choosing the seed would be choosing the officer.
   */
  @IsIn(['picked', 'random']) how!: 'picked' | 'random';
  /** Required when picked (the service says so); left out of a random draw. */
  @IsOptional() @IsString() @Matches(OFFICER_ID) officerIn?: string;
  /** Required: why the team changes (a conflict declared, an officer away). May name a person: never logged, never in an event. */
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
  /** Who changes it: the web app sets the signed-in account's name. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}
