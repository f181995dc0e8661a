import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ScoreListQuery {
  @IsOptional() @IsIn(['green', 'yellow', 'red']) colour?: 'green' | 'yellow' | 'red';
  /** Region code or a prefix of it (e.g. 4406 for all of Foshan). */
  @IsOptional() @IsString() @Matches(/^\d{2,12}$/) region?: string;
  /** GB/T 4754 section letter. */
  @IsOptional() @IsString() @Matches(/^[A-Ta-t]$/) industry?: string;
  /** Page after this credit code (keyset pagination). */
  @IsOptional() @IsString() @Matches(/^[0-9A-Z]{18}$/) after?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class CreditCodeParam {
  @IsString() @Matches(/^[0-9A-Z]{18}$/) creditCode!: string;
}
