import { QueryInt } from '@tianping/common';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateDrawDto {
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from!: string;
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to!: string;
  /** Omit to have one generated; either way it is recorded with the draw (an empty one could not be re-drawn). */
  @IsOptional() @IsString() @MinLength(1, { message: 'seed must not be empty: omit it to have one generated' }) @MaxLength(200) seed?: string;
  /** Record a window that has already begun (a plan made before the system); refused otherwise. */
  @IsOptional() @IsBoolean() backfill?: boolean;
}

export class DrawListQuery {
  @IsOptional() @QueryInt(1, 200) limit?: number;
}

/**
 * A plan's tasks narrowed the way a dispatcher asks: a day, a department, an officer, a district, why
 * drawn, the colour at draw time. Day, officer and district are those of the joint visit that carries
 * the task, so a task no team took matches none of them.
 */
export class DrawTasksQuery {
  @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date?: string;
  @IsOptional() @Matches(/^[A-Z]{2,10}$/) department?: string;
  /** An officer's certificate number (执法证号): tasks on that officer's team. */
  @IsOptional() @IsString() @MaxLength(64) officer?: string;
  @IsOptional() @Matches(/^\d{6}$/) region?: string;
  /** Why drawn; `follow-up` also finds a drawn task that carries a re-inspection (复查). */
  @IsOptional() @IsIn(['risk', 'exploration', 'complaint', 'follow-up', 'random']) reason?: string;
  @IsOptional() @IsIn(['green', 'yellow', 'red']) colour?: string;
}
