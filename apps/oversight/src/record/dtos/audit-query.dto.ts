import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class EntriesQuery {
  /** Page after this seq (keyset pagination). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(-1) after?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9.-]*$/) @MaxLength(64) kind?: string;
  /** e.g. a credit code or a model version. */
  @IsOptional() @IsString() @MaxLength(128) subjectRef?: string;
}

export class ConsistencyQuery {
  @Type(() => Number) @IsInt() @Min(1) from!: number;
  @Type(() => Number) @IsInt() @Min(1) to!: number;
}
