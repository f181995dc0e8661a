import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';

export class CreateDrawDto {
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from!: string;
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to!: string;
  /** Omit to have one generated; either way it is recorded with the draw. */
  @IsOptional() @IsString() @MaxLength(200) seed?: string;
  /** Record a window that has already begun (a plan made before the system); refused otherwise. */
  @IsOptional() @IsBoolean() backfill?: boolean;
}

export class DrawListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
