import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CorrectionsQuery {
  @IsOptional() @IsString() @MaxLength(200) appealId?: string;
  @IsOptional() @IsIn(['applied', 'not-applicable']) status?: 'applied' | 'not-applicable';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
